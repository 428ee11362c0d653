/**
 * On every page: «/» and Ctrl+K (⌘K) put the cursor in the search field — Pagefind's own on /search/,
 * the header field elsewhere. When the header field is first focused, the browser is told to prefetch
 * the search page's bundle, so nothing of Pagefind is downloaded until someone starts to search.
 */

const PREFETCH = ['/pagefind/pagefind-component-ui.js', '/pagefind/pagefind-component-ui.css', '/pagefind/pagefind.js'];

/** True when a key press belongs to what the user is typing, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  // Duck-typed, so the rule is testable without a DOM.
  const el = target as { tagName?: unknown; isContentEditable?: boolean } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Which key presses focus search: «/» outside text fields, Ctrl+K or ⌘K anywhere. */
export function isSearchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
}

function searchField(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('pagefind-input input') ?? document.querySelector<HTMLInputElement>('#site-search');
}

export function bindSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (!isSearchShortcut(event)) return;
    const field = searchField();
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.select();
  });
  document.querySelector('#site-search')?.addEventListener('focus', prefetchSearch, { once: true });
}

function prefetchSearch(): void {
  for (const href of PREFETCH) {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = href;
    document.head.append(link);
  }
}
