import { ARCHIVED_EDITION, SEARCH_FILTERS } from '../lib/search.ts';

/**
 * Pages of editions not in force carry `data-nd-archived` on their article and no `data-pagefind-body`,
 * so Pagefind's directory pass skips them. The indexer adds them back with the filter
 * `редакция: недействующая`, which the search page excludes unless «включая недействующие редакции» is ticked.
 * `data-nd-unpublished` (a draft) keeps a page out of search altogether.
 */
const ARCHIVED_ARTICLE = /<article\b([^>]*\sdata-nd-archived\b[^>]*)>/;

/** The page's HTML marked for indexing as a non-current edition, or null when it is not such a page. */
export function markArchived(html: string): string | null {
  const match = ARCHIVED_ARTICLE.exec(html);
  if (!match) return null;
  const attrs = match[1] ?? '';
  if (/\sdata-pagefind-body\b/.test(attrs) || /\sdata-nd-unpublished\b/.test(attrs)) return null;
  // The page may already say so through SearchMeta; otherwise the article itself carries the filter.
  const hasFilter = html.includes(`data-pagefind-filter="${SEARCH_FILTERS.edition}"`);
  const added = ` data-pagefind-body${hasFilter ? '' : ` data-pagefind-filter="${SEARCH_FILTERS.edition}:${ARCHIVED_EDITION}"`}`;
  return html.replace(match[0], `<article${attrs}${added}>`);
}
