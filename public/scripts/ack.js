// «Лист ознакомления»: fills the slot on an edition page from the acknowledgement service when the
// server did not (no nginx SSI), and sends the button's form without leaving the page. Without this
// file the SSI-included form still works: it posts and the service sends the reader back (303).
// A file, not an inline script: the portal's Content-Security-Policy allows scripts from the site only.
(() => {
  // Twice on one page (the matrix has two rows with evidence) is harmless but once is enough.
  if (window.ndAckLoaded) return;
  window.ndAckLoaded = true;
  const summaries = document.querySelectorAll('[data-ack-summary]');
  if (summaries.length) summarise(summaries);
  const slots = document.querySelectorAll('[data-ack-code]');
  for (const slot of slots) {
    if (slot.querySelector('form, .ack-done')) enhance(slot);
    else fill(slot);
  }

  // The clause matrix: acknowledgement figures (no names) of each edition, from the service.
  async function summarise(spans) {
    try {
      const response = await fetch('/api/ack/summary', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const { editions } = await response.json();
      for (const span of spans) {
        const e = editions.find((x) => `${x.code}@${x.version}` === span.dataset.ackSummary);
        if (!e) continue;
        span.textContent = ` (ознакомлены ${e.acknowledged} из ${e.concerned}${e.overdue ? `, просрочено ${e.overdue}` : ''})`;
      }
    } catch {
      // No service behind /api/: the matrix names the editions without figures.
    }
  }

  async function fill(slot) {
    const query = new URLSearchParams({ code: slot.dataset.ackCode, version: slot.dataset.ackVersion, page: slot.dataset.ackPage });
    try {
      const response = await fetch(`/api/ack/widget?${query}`, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const html = await response.text();
      if (!html.trim()) return;
      slot.innerHTML = html;
      enhance(slot);
    } catch {
      // No service behind /api/: the page stays as it is.
    }
  }

  function enhance(slot) {
    const form = slot.querySelector('form.ack-form');
    if (!form) return;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button');
      if (button) button.disabled = true;
      const data = new FormData(form);
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ code: data.get('code'), version: data.get('version') }),
        });
        const body = await response.json().catch(() => ({}));
        const note = document.createElement('p');
        if (response.ok) {
          note.className = 'ack-done';
          note.dataset.ackState = 'acknowledged';
          note.textContent = body.message;
          form.replaceWith(note);
          return;
        }
        note.className = 'ack-error';
        note.setAttribute('role', 'alert');
        note.textContent = body.error || 'Ознакомление не принято: попробуйте ещё раз.';
        form.append(note);
      } catch {
        form.submit();
        return;
      }
      if (button) button.disabled = false;
    });
  }
})();
