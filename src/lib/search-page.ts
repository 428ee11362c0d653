/**
 * Browser glue for /search/: connects Pagefind's Component UI to the address (?q=…&archived=1) and to the
 * «включая недействующие редакции» checkbox. The search itself and all of its UI are Pagefind's.
 */

import { SEARCH_FILTERS, SEARCH_OPTIONS } from './search.ts';

type Filters = Record<string, unknown>;

/** The part of Pagefind's documented instance API used here (docs: Component UI → Building custom components). */
interface PagefindInstance {
  searchTerm: string;
  searchFilters: Filters;
  triggerSearchWithFilters(term: string, filters: Filters): void;
  triggerFilters(filters: Filters): void;
  triggerLoad(): Promise<void>;
  on(event: 'search', callback: (term: string, filters: Filters) => void): void;
  translate(key: string, vars?: Record<string, unknown>): string;
}

declare global {
  interface Window {
    PagefindComponents?: {
      getInstanceManager(): { getInstance(name: string): PagefindInstance };
      configureInstance(name: string, options: Record<string, unknown>): PagefindInstance;
    };
  }
}

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

const RESULT_FORMS: Record<Intl.LDMLPluralRule, string> = { zero: 'результатов', one: 'результат', two: 'результата', few: 'результата', many: 'результатов', other: 'результата' };
const PLURAL = new Intl.PluralRules('ru');

/**
 * Pagefind knows «one» and «many»; Russian counts need three forms: 1 результат, 3 результата, 5 результатов,
 * 21 результат. Returns the string for a count-bearing key, or undefined to leave the key to Pagefind.
 */
export function russianCount(key: string, count: number): string | undefined {
  const form = RESULT_FORMS[PLURAL.select(count)];
  if (key === 'one_result' || key === 'many_results') return `[COUNT] ${form} по запросу: [SEARCH_TERM]`;
  if (key === 'total_one_result' || key === 'total_many_results') return `[COUNT] ${form}`;
  return undefined;
}

/** Pagefind's filter dropdowns are comboboxes named by nothing (a combobox takes no name from its text): name them. */
function nameFilterDropdowns(root: HTMLElement): void {
  const name = () => {
    for (const dropdown of root.querySelectorAll<HTMLElement>('pagefind-filter-dropdown')) {
      const trigger = dropdown.querySelector<HTMLElement>('.pf-dropdown-trigger');
      const label = `Фильтр: ${dropdown.getAttribute('label') ?? ''}`;
      if (trigger && trigger.getAttribute('aria-label') !== label) trigger.setAttribute('aria-label', label);
    }
  };
  name();
  new MutationObserver(name).observe(root, { childList: true, subtree: true });
}

export async function connectSearchPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const box = document.querySelector<HTMLInputElement>('#search-archived');
  if (!root || !box) return;
  const key = root.dataset.archiveFilter ?? '';
  const value = root.dataset.archiveValue ?? '';
  await customElements.whenDefined('pagefind-input');
  const components = window.PagefindComponents;
  if (!components) return;
  // Before anything loads the index: options are read once, when Pagefind starts.
  const instance = components.configureInstance('default', { ...SEARCH_OPTIONS });
  const pagefindTranslate = instance.translate.bind(instance);
  instance.translate = (key, vars = {}) => {
    const own = typeof vars.COUNT === 'number' ? russianCount(key, vars.COUNT) : undefined;
    return own ? own.replace('[COUNT]', String(vars.COUNT)).replace('[SEARCH_TERM]', String(vars.SEARCH_TERM ?? '')) : pagefindTranslate(key, vars);
  };
  nameFilterDropdowns(root);
  // This page exists to search: start Pagefind (worker, WASM, metadata) now, not at the first keystroke.
  void instance.triggerLoad();

  const params = new URLSearchParams(location.search);
  const query = params.get('q')?.trim() ?? '';
  box.checked = params.get('archived') === '1';
  const input = root.querySelector<HTMLInputElement>('pagefind-input input');
  instance.searchFilters = withArchivePolicy({ ...instance.searchFilters, ...filtersFromAddress(params) }, key, value, box.checked);
  if (query) {
    if (input) input.value = query;
    instance.triggerSearchWithFilters(query, instance.searchFilters);
  }
  input?.focus();

  box.addEventListener('change', () => instance.triggerFilters(withArchivePolicy(instance.searchFilters ?? {}, key, value, box.checked)));
  // Keep the address in step, so a search can be shared and Back returns to it.
  instance.on('search', (term, filters) => {
    const url = new URL(location.href);
    filtersToAddress(filters ?? {}, url.searchParams);
    if (term) url.searchParams.set('q', term);
    else url.searchParams.delete('q');
    if (box.checked) url.searchParams.set('archived', '1');
    else url.searchParams.delete('archived');
    history.replaceState(null, '', url);
  });
}
