/** Links that stay links in MDX: https to a public host, and mailto. */
export function linkPolicy(href: string): { keep: true } | { keep: false; reason: string } {
  const h = href.trim();
  if (/^mailto:/i.test(h)) return { keep: true };
  if (/^javascript:/i.test(h)) return { keep: false, reason: `ссылка javascript: удалена (сценарий в документе не переносится), текст оставлен` };
  if (/^#/.test(h)) return { keep: false, reason: `ссылка на место внутри исходного файла (${h}) не переносится, текст оставлен` };
  let url: URL | undefined;
  try {
    url = new URL(h);
  } catch {
    return { keep: false, reason: `относительная или неполная ссылка «${h}» не переносится: адрес на портале другой, текст оставлен` };
  }
  const intranet =
    !url.hostname.includes('.') ||
    /\.(local|corp|lan|intra|internal|intranet|localdomain)$/i.test(url.hostname) ||
    /^(10|127|192\.168|172\.(1[6-9]|2\d|3[01]))\./.test(url.hostname);
  if (intranet || /^(intranet|portal|sharepoint|wiki)\./i.test(url.hostname))
    return { keep: false, reason: `внутренняя (интранет) ссылка ${h} не переносится: сверьте адрес с порталом и вставьте ссылку вручную; текст оставлен` };
  if (url.protocol === 'https:') return { keep: true };
  // The check accepts http links an author writes; an import does not carry an unencrypted address over unseen.
  if (url.protocol === 'http:')
    return { keep: false, reason: `ссылка ${h} без шифрования (http) не переносится: если у сайта есть адрес https, вставьте ссылку с ним; текст оставлен` };
  return {
    keep: false,
    reason: `ссылка ${h} (${url.protocol.replace(':', '')}) не переносится: на портале ссылки ведут на страницы (https) и почту (mailto); текст оставлен`,
  };
}
