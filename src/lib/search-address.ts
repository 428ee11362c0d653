import type { Filters } from './pagefind-ui.ts';
import { SEARCH_FILTERS } from './search.ts';

/** The search page's address and the archive checkbox as Pagefind filters: what a shared link carries. */

/**
 * Editions not in force carry `редакция: недействующая`; they are excluded with Pagefind's `none`
 * filter unless the checkbox is ticked. The filter dropdowns only set their own keys, so this key stays.
 */
export function withArchivePolicy(filters: Filters, key: string, value: string, includeArchived: boolean): Filters {
  const next = { ...filters };
  if (includeArchived) delete next[key];
  else next[key] = { none: [value] };
  return next;
}

/** Filters a shared address may carry: `?type=Политика&owner=…`, by the English key of SEARCH_FILTERS. */
const ADDRESS_FILTERS = (['type', 'status', 'owner', 'access'] as const).map((param) => ({ param, filter: SEARCH_FILTERS[param] }));

/** The dropdown filters of an address, as Pagefind's filter object (`{ тип: ['Политика'] }`). */
export function filtersFromAddress(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const { param, filter } of ADDRESS_FILTERS) {
    const values = params.getAll(param).filter(Boolean);
    if (values.length) filters[filter] = values;
  }
  return filters;
}

/** Writes the dropdown filters into an address, so a shared link reopens the same results. */
export function filtersToAddress(filters: Filters, params: URLSearchParams): void {
  for (const { param, filter } of ADDRESS_FILTERS) {
    params.delete(param);
    const values = filters[filter];
    for (const value of Array.isArray(values) ? values : typeof values === 'string' ? [values] : []) params.append(param, String(value));
  }
}
