import { escapeXml } from '../lib/xml.ts';
import { routes } from '../lib/routes.ts';
import { documentTitle } from '../lib/titles.ts';
import { formatDate } from '../lib/dates.ts';
import type { Site } from './view.ts';
import { previousEdition } from './editions.ts';

/** One change to the registry: an edition approved, or a document cancelled. */
export interface FeedEntry {
  /** Stable: the pinned address of the edition (or of the document, for a cancellation). */
  id: string;
  title: string;
  /** `YYYY-MM-DD` from the data: approval or cancellation date. */
  date: string;
  /** The diff page when there is a previous edition, else the edition page. */
  link: string;
  related?: string;
  summary: string;
  code: string;
  version?: string;
}

/** The feed is for subscribers, not an archive: the newest changes only. */
export const FEED_LIMIT = 100;

/**
 * New and changed editions, newest first. Everything comes from the data and the build's date:
 * nothing dated after the build's date, no wall clock — the same sources give the same feed.
 */
export function feedEntries(site: Site): FeedEntry[] {
  const base = site.config.site;
  const url = (path: string) => new URL(path, base).href;
  const entries: FeedEntry[] = [];
  for (const doc of site.documents) {
    const name = (title: string) => `${doc.code} ${documentTitle(doc.type?.name, title)}`;
    for (const t of doc.status.timeline) {
      const e = t.edition.data;
      const date = e.approved ?? e.effective;
      if (e.status === 'проект' || !date || date > site.date) continue;
      const pinned = url(routes.edition(doc.code, e.version));
      const previous = previousEdition(doc, e.version);
      const when = e.effective && e.effective > site.date ? `вступает в силу ${formatDate(e.effective)}` : `введена в действие ${formatDate(e.effective)}`;
      entries.push({
        id: pinned,
        title: `${name(e.title)}: редакция ${e.version}`,
        date,
        link: previous ? url(routes.diff(doc.code, e.version)) : pinned,
        related: previous ? pinned : undefined,
        summary: `Редакция ${e.version} утверждена ${formatDate(e.approved)}${e.act ? `, ${e.act}` : ''}; ${when} ${e.changes}`,
        code: doc.code,
        version: e.version,
      });
    }
    const cancelled = doc.status.cancellation;
    if (cancelled && cancelled.date <= site.date) {
      const successor = cancelled.replacedBy;
      entries.push({
        id: `${url(routes.document(doc.code))}#cancelled-${cancelled.date}`,
        title: `${name(doc.shown.edition.data.title)}: документ отменён`,
        date: cancelled.date,
        link: url(routes.document(doc.code)),
        summary: `Документ отменён с ${formatDate(cancelled.date)}${cancelled.act ? `, основание: ${cancelled.act}.` : ''}${successor ? ` Заменён документом ${successor}.` : ''}`,
        code: doc.code,
      });
    }
  }
  return entries
    .sort(
      (a, b) => b.date.localeCompare(a.date) || a.code.localeCompare(b.code, 'ru') || (b.version ?? '').localeCompare(a.version ?? '', 'ru', { numeric: true }),
    )
    .slice(0, FEED_LIMIT);
}

/** Atom 1.0 (RFC 4287). `updated` is the newest entry's date, else the build's date. */
export function atomFeed(site: Site, entries: readonly FeedEntry[]): string {
  const base = site.config.site;
  const url = (path: string) => escapeXml(new URL(path, base).href);
  const stamp = (date: string) => `${date}T00:00:00Z`;
  const updated = entries[0]?.date ?? site.date;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">',
    `  <id>${url(routes.feed())}</id>`,
    '  <title>Нормативные документы: новые и изменённые редакции</title>',
    `  <updated>${stamp(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${url(routes.feed())}"/>`,
    `  <link rel="alternate" type="text/html" href="${url(routes.registry())}"/>`,
    '  <author><name>Портал «Нормативные документы»</name></author>',
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <updated>${stamp(entry.date)}</updated>`,
      `    <published>${stamp(entry.date)}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      ...(entry.related ? [`    <link rel="related" type="text/html" href="${escapeXml(entry.related)}"/>`] : []),
      `    <summary>${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
