/**
 * Browser glue for /search/: connects Pagefind's Component UI to the address (?q=…&archived=1) and to the
 * «включая недействующие редакции» checkbox. The search itself and all of its UI are Pagefind's.
 */

import type { PagefindInstance } from './pagefind-ui.ts';
import { filtersFromAddress, filtersToAddress, withArchivePolicy } from './search-address.ts';
import { forgive } from './search-forgiving.ts';
import { russianCount, russianFilterDropdowns } from './search-russian.ts';
import { SEARCH_OPTIONS } from './search.ts';

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
  russianFilterDropdowns(root);
  summaryForUnmarkedExcerpts(root);
  forgive(root, instance);
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

/**
 * A page found through its metadata only (a code spelling, a synonym) has no matched word in its text,
 * and Pagefind's excerpt is then the page's first words: its summary says more.
 */
function summaryForUnmarkedExcerpts(root: HTMLElement): void {
  const clean = () => {
    for (const item of root.querySelectorAll<HTMLElement>('li.nd-result:not([data-cleaned])')) {
      item.dataset.cleaned = '';
      const excerpt = item.querySelector<HTMLElement>('.nd-result-excerpt');
      if (excerpt && !excerpt.querySelector('mark') && item.dataset.summary) excerpt.textContent = item.dataset.summary;
    }
  };
  new MutationObserver(clean).observe(root, { childList: true, subtree: true });
}
