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

const RESULT_FORMS: Record<Intl.LDMLPluralRule, string> = {
  zero: 'результатов',
  one: 'результат',
  two: 'результата',
  few: 'результата',
  many: 'результатов',
  other: 'результата',
};
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

/** Query words worth searching for one by one (Pagefind's AND found nothing, or dropped a word). */
export function queryWords(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/[\s,;]+/)
        .filter((w) => w.length > 1),
    ),
  ];
}

/** Longer queries are not split further: 8 words give at most 70 searches of 4 words. */
const MAX_WORDS = 8;

/**
 * The sets of query words to try, largest first, when no page holds all of them: every set of n−1 words,
 * then n−2…, down to half of them (at least one word, at least two for three or more). Words known to be
 * missing from the index are never part of a set.
 */
export function wordSubsets(words: readonly string[], missing: ReadonlySet<string> = new Set()): string[][][] {
  const known = words.filter((w) => !missing.has(w)).slice(0, MAX_WORDS);
  const smallest = Math.max(1, Math.ceil(words.length / 2), words.length >= 3 ? 2 : 1);
  const levels: string[][][] = [];
  for (let size = Math.min(known.length, words.length - 1); size >= smallest; size--) levels.push(combinations(known, size));
  return levels;
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinations(items.slice(i + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

export interface PartialHit {
  id: string;
  score: number;
  /** The query words the page does not hold together with the others. */
  without: string[];
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}

type SearchResult = { id: string; score: number; data: PartialHit['data'] };

/**
 * Pages of the first level of word sets that finds any: each page once, under the set that scored it
 * best, best first. `searches[i][j]` are the results of `levels[i][j]`.
 */
export function rankPartial(words: readonly string[], levels: string[][][], searches: SearchResult[][][]): PartialHit[] {
  for (const [i, level] of levels.entries()) {
    const byId = new Map<string, PartialHit>();
    level.forEach((set, j) => {
      for (const r of searches[i]?.[j] ?? []) {
        const known = byId.get(r.id);
        if (!known || r.score > known.score) byId.set(r.id, { id: r.id, score: r.score, without: words.filter((w) => !set.includes(w)), data: r.data });
      }
    });
    if (byId.size) return [...byId.values()].sort((a, b) => b.score - a.score);
  }
  return [];
}

const quoteList = (words: readonly string[]) => words.map((w) => `«${w}»`).join(', ');

/** The note above results that leave words out: which words no page has at all, or none has with the others. */
export function partialNote(missing: readonly string[], together: boolean): string {
  const absent = missing.length ? `${missing.length === 1 ? 'Слова' : 'Слов'} ${quoteList(missing)} нет ни на одной странице` : '';
  if (together) return `${absent}; показаны страницы с остальными словами запроса.`;
  if (!absent) return 'Нет страниц со всеми словами; показаны страницы с частью слов.';
  return `${absent}, а страниц со всеми остальными словами нет; показаны страницы с частью слов.`;
}

type PagefindApi = {
  createInstance(options: Record<string, unknown>): {
    options(o: Record<string, unknown>): Promise<void>;
    search(term: string, options?: Record<string, unknown>): Promise<{ results: SearchResult[] } | null>;
  };
};

let api: ReturnType<PagefindApi['createInstance']> | undefined;
async function pagefindApi() {
  if (api) return api;
  const bundle = '/pagefind/pagefind.js';
  const module = (await import(/* @vite-ignore */ bundle)) as PagefindApi;
  api = module.createInstance({ basePath: '/pagefind/' });
  await api.options({ ranking: SEARCH_OPTIONS.ranking });
  return api;
}

/** Query words no page holds (Pagefind leaves such a word out of its search without a word). */
async function missingWords(words: readonly string[]): Promise<string[]> {
  const pagefind = await pagefindApi();
  const counts = await Promise.all(words.map(async (w) => (await pagefind.search(w))?.results.length ?? 0));
  return words.filter((_, i) => counts[i] === 0);
}

async function showPartial(section: HTMLElement, words: string[], missing: string[], filters: Filters, current: () => boolean): Promise<void> {
  const list = section.querySelector('ol');
  const note = section.querySelector('[data-partial-note]');
  if (!list || !note) return;
  const pagefind = await pagefindApi();
  const levels = wordSubsets(words, new Set(missing));
  const searches: SearchResult[][][] = [];
  for (const level of levels) {
    const found = await Promise.all(level.map(async (set) => (await pagefind.search(set.join(' '), { filters }))?.results ?? []));
    searches.push(found);
    if (found.some((r) => r.length)) break;
  }
  const hits = rankPartial(words, levels, searches).slice(0, 10);
  if (!hits.length || !current()) return;
  const items = await Promise.all(hits.map(async (hit) => ({ hit, data: await hit.data() })));
  if (!current()) return;
  note.textContent = partialNote(missing, false);
  list.replaceChildren(
    ...items.map(({ hit, data }) => {
      const li = document.createElement('li');
      li.className = 'nd-partial-result';
      const link = document.createElement('a');
      link.href = data.meta.url ?? data.url;
      link.textContent = data.meta.title ?? data.url;
      const without = document.createElement('span');
      without.className = 'muted';
      without.textContent = ` — нет ${hit.without.length === 1 ? 'слова' : 'слов'} ${quoteList(hit.without)}`;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = data.excerpt;
      li.append(link, without, excerpt);
      return li;
    }),
  );
  section.hidden = false;
}

/**
 * A query of several words that no page holds entirely: Pagefind leaves out a word no page has (the
 * results are then shown below a note naming it), and finds nothing when the words exist but on
 * different pages (then the pages holding the most of them are shown, below a note). The empty search
 * shows the suggestions.
 */
function forgive(root: HTMLElement, instance: PagefindInstance): void {
  const partial = root.querySelector<HTMLElement>('[data-partial]');
  const dropped = root.querySelector<HTMLElement>('[data-dropped]');
  const suggestions = root.querySelector<HTMLElement>('[data-suggestions]');
  let term = '';
  let filters: Filters = {};
  let generation = 0;
  instance.on('search', (t, f) => {
    term = t;
    filters = f ?? {};
    generation += 1;
    if (partial) partial.hidden = true;
    if (dropped) dropped.hidden = true;
    if (suggestions) suggestions.hidden = Boolean(t.trim());
  });
  (instance.on as unknown as (event: 'results', cb: (results: { results?: unknown[] }) => void) => void)('results', (results) => {
    const words = queryWords(term);
    if (words.length < 2) return;
    const mine = generation;
    const current = () => mine === generation;
    const found = results?.results?.length ?? 0;
    void missingWords(words).then((missing) => {
      if (!current()) return;
      if (found > 0 && missing.length > 0 && dropped) {
        dropped.textContent = partialNote(missing, true);
        dropped.hidden = false;
      } else if (found === 0 && partial) {
        void showPartial(partial, words, missing, filters, current);
      }
    });
  });
}

/** A count in Russian: 1 результат, 3 результата, 5 результатов. */
const countText = (count: number) => `${count} ${RESULT_FORMS[PLURAL.select(count)]}`;
const FILTER_FORMS: Record<Intl.LDMLPluralRule, string> = {
  zero: 'фильтров',
  one: 'фильтр',
  two: 'фильтра',
  few: 'фильтра',
  many: 'фильтров',
  other: 'фильтра',
};

/**
 * Pagefind's filter dropdown writes a few labels in English whatever the language («Политика, 4 results»,
 * «Тип, 1 filter selected», «Loading filter options...»). Their Russian, or undefined for anything else.
 */
export function russianLabel(text: string): string | undefined {
  const option = /^(.*), (\d+) results?$/.exec(text);
  if (option) return `${option[1]}: ${countText(Number(option[2]))}`;
  const selected = /^(.*), (\d+) filters? selected$/.exec(text);
  if (selected) {
    const n = Number(selected[2]);
    return `${selected[1]}: выбран${n === 1 ? '' : 'о'} ${n} ${FILTER_FORMS[PLURAL.select(n)]}`;
  }
  if (text === 'Loading filter options...') return 'Загрузка значений фильтра…';
  const unknown = /^No filter "(.*)" found$/.exec(text);
  if (unknown) return `Фильтра «${unknown[1]}» нет`;
  return undefined;
}

/** Translates those labels as Pagefind writes them, and names each dropdown (a combobox takes no name from its text). */
function russianFilterDropdowns(root: HTMLElement): void {
  const translate = () => {
    for (const dropdown of root.querySelectorAll<HTMLElement>('pagefind-filter-dropdown')) {
      const trigger = dropdown.querySelector<HTMLElement>('.pf-dropdown-trigger');
      const name = `Фильтр «${dropdown.getAttribute('label') ?? ''}»`;
      if (trigger) {
        const current = trigger.getAttribute('aria-label') ?? '';
        const selected = /, (\d+) filters? selected$/.exec(current);
        const label = selected ? russianLabel(`${name}, ${selected[1]} filters selected`) : current.startsWith(name) ? current : name;
        if (label && current !== label) trigger.setAttribute('aria-label', label);
      }
      for (const element of dropdown.querySelectorAll<HTMLElement>('[aria-label]')) {
        const russian = russianLabel(element.getAttribute('aria-label') ?? '');
        if (russian) element.setAttribute('aria-label', russian);
      }
      for (const element of dropdown.querySelectorAll<HTMLElement>('*')) {
        const text = element.childElementCount === 0 ? (element.textContent ?? '') : '';
        const russian = text && russianLabel(text);
        if (russian) element.textContent = russian;
      }
    }
  };
  translate();
  new MutationObserver(translate).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'], characterData: true });
}
