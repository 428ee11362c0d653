/**
 * Browser glue for /search/: connects Pagefind's Component UI to the address (?q=…&archived=1) and to the
 * «включая недействующие редакции» checkbox. The search itself and all of its UI are Pagefind's.
 */

import { SEARCH_OPTIONS } from './search.ts';

type Filters = Record<string, unknown>;

/** The part of Pagefind's documented instance API used here (docs: Component UI → Building custom components). */
interface PagefindInstance {
  searchTerm: string;
  searchFilters: Filters;
  triggerSearchWithFilters(term: string, filters: Filters): void;
  triggerFilters(filters: Filters): void;
  triggerLoad(): Promise<void>;
  on(event: 'search', callback: (term: string, filters: Filters) => void): void;
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
  // This page exists to search: start Pagefind (worker, WASM, metadata) now, not at the first keystroke.
  void instance.triggerLoad();

  const params = new URLSearchParams(location.search);
  const query = params.get('q')?.trim() ?? '';
  box.checked = params.get('archived') === '1';
  const input = root.querySelector<HTMLInputElement>('pagefind-input input');
  instance.searchFilters = withArchivePolicy(instance.searchFilters ?? {}, key, value, box.checked);
  if (query) {
    if (input) input.value = query;
    instance.triggerSearchWithFilters(query, instance.searchFilters);
  }
  input?.focus();

  box.addEventListener('change', () => instance.triggerFilters(withArchivePolicy(instance.searchFilters ?? {}, key, value, box.checked)));
  // Keep the address in step, so a search can be shared and Back returns to it.
  instance.on('search', (term) => {
    const url = new URL(location.href);
    if (term) url.searchParams.set('q', term);
    else url.searchParams.delete('q');
    if (box.checked) url.searchParams.set('archived', '1');
    else url.searchParams.delete('archived');
    history.replaceState(null, '', url);
  });
}
