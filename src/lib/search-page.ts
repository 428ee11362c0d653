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
  cleanExcerpts(root);
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

/** The HTML of an excerpt as plain text, with where each character sits in the HTML (highlights skipped). */
function plainWithMap(html: string): { plain: string; at: number[] } {
  const at: number[] = [];
  let plain = '';
  for (let i = 0; i < html.length;) {
    const tag = /^<\/?mark>/.exec(html.slice(i, i + 7));
    if (tag) {
      i += tag[0].length;
      continue;
    }
    at.push(i);
    plain += html[i];
    i += 1;
  }
  at.push(html.length);
  return { plain, at };
}

/**
 * An excerpt without the page's hidden search aids (code spellings and synonyms: the `hidden` meta of
 * SearchMeta.astro, written there as «a | b | c»). Pagefind excerpts whatever it indexes; the « | »
 * list is cut out, including an aid the excerpt window cut in half at either end. Highlights stay.
 */
export function withoutHiddenAids(excerpt: string, hidden: string[]): string {
  const aids = [...new Set(hidden.map((h) => h.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const { plain, at } = plainWithMap(excerpt);
  const pipes = [...plain.matchAll(/\s*\|\s*/g)];
  if (!aids.length || !pipes.length) return excerpt;
  const first = pipes[0]!;
  const last = pipes[pipes.length - 1]!;
  const before = plain.slice(0, first.index).toLowerCase();
  const after = plain.slice(last.index + last[0].length).toLowerCase();
  // Start of the list: a whole aid at the end of the text before it, or the whole text when the window began inside an aid.
  const whole = aids.find((a) => before.endsWith(a) && !/[\p{L}\d]/u.test(before.at(-a.length - 1) ?? ' '));
  const cut = before.replace(/^[\s…]+/, '');
  const from = whole ? before.length - whole.length : aids.some((a) => a.endsWith(cut)) ? 0 : before.length;
  // End of the list: a whole aid at the start of the text after it, or all of it when the window ended inside an aid.
  const tail = after.replace(/[\s….]+$/, '');
  const aid = aids.find((a) => after.startsWith(a) && !/[\p{L}\d]/u.test(after.charAt(a.length) || ' '));
  const to = aid ? last.index + last[0].length + aid.length : aids.some((a) => a.startsWith(tail)) ? plain.length : last.index + last[0].length;
  // Cut between characters, so a highlight that closes before the list or opens after it stays whole.
  const cutFrom = from === 0 ? 0 : at[from - 1]! + 1;
  let cutTo = to >= plain.length ? excerpt.length : at[to - 1]! + 1;
  while (excerpt.startsWith('</mark>', cutTo)) cutTo += '</mark>'.length;
  const html = `${excerpt.slice(0, cutFrom)} … ${excerpt.slice(cutTo)}`;
  return html
    .replace(/(?:\s*…\s*[.,;:]?)+/g, ' … ')
    .replace(/^[\s….,;:]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cleans every result Pagefind renders, as it renders it. */
function cleanExcerpts(root: HTMLElement): void {
  const clean = () => {
    for (const item of root.querySelectorAll<HTMLElement>('li.nd-result:not([data-cleaned])')) {
      item.dataset.cleaned = '';
      const hidden = (item.dataset.hidden ?? '').split(' | ');
      for (const excerpt of item.querySelectorAll<HTMLElement>('.nd-result-excerpt, .nd-sub-excerpt')) {
        excerpt.innerHTML = withoutHiddenAids(excerpt.innerHTML, hidden);
        // Nothing but the aids matched: the page's summary says more than « … ».
        if ((excerpt.textContent?.match(/\p{L}{2,}/gu)?.length ?? 0) < 4 && item.dataset.summary) excerpt.textContent = item.dataset.summary;
      }
    }
  };
  new MutationObserver(clean).observe(root, { childList: true, subtree: true });
}

/** Query words worth searching for one by one (Pagefind's AND found nothing). */
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

interface PartialHit {
  id: string;
  words: number;
  score: number;
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}

/**
 * Pages holding most of the words, for a query no page holds entirely: one search per word, pages ranked
 * by how many words they hold, then by score; at least half the words, and more than one when there are
 * three or more. They are shown below Pagefind's (empty) results, under a note that says so.
 */
export function rankPartial(perWord: Array<Array<{ id: string; score: number; data: PartialHit['data'] }>>): PartialHit[] {
  const byId = new Map<string, PartialHit>();
  for (const results of perWord) {
    for (const r of results) {
      const hit = byId.get(r.id) ?? { id: r.id, words: 0, score: 0, data: r.data };
      hit.words += 1;
      hit.score += r.score;
      byId.set(r.id, hit);
    }
  }
  const needed = Math.max(1, Math.ceil(perWord.length / 2));
  return [...byId.values()].filter((h) => h.words >= needed).sort((a, b) => b.words - a.words || b.score - a.score);
}

type PagefindApi = {
  createInstance(options: Record<string, unknown>): {
    options(o: Record<string, unknown>): Promise<void>;
    search(term: string, options?: Record<string, unknown>): Promise<{ results: Array<{ id: string; score: number; data: PartialHit['data'] }> } | null>;
  };
};

async function showPartial(section: HTMLElement, query: string, filters: Filters): Promise<void> {
  const words = queryWords(query);
  const list = section.querySelector('ol');
  if (words.length < 2 || !list) return;
  const bundle = '/pagefind/pagefind.js';
  const api = (await import(/* @vite-ignore */ bundle)) as PagefindApi;
  const pagefind = api.createInstance({ basePath: '/pagefind/' });
  await pagefind.options({ ranking: SEARCH_OPTIONS.ranking });
  const perWord = await Promise.all(words.map(async (w) => (await pagefind.search(w, { filters }))?.results ?? []));
  const hits = rankPartial(perWord).slice(0, 10);
  if (!hits.length) return;
  const items = await Promise.all(hits.map(async (hit) => ({ hit, data: await hit.data() })));
  list.replaceChildren(
    ...items.map(({ hit, data }) => {
      const li = document.createElement('li');
      li.className = 'nd-partial-result';
      const link = document.createElement('a');
      link.href = data.meta.url ?? data.url;
      link.textContent = data.meta.title ?? data.url;
      const note = document.createElement('span');
      note.className = 'muted';
      note.textContent = ` — слов из запроса: ${hit.words} из ${words.length}`;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = withoutHiddenAids(data.excerpt, (data.meta.hidden ?? '').split(' | '));
      li.append(link, note, excerpt);
      return li;
    }),
  );
  section.hidden = false;
}

/** Partial matches when a several-word query finds nothing; the suggestions while the field is empty. */
function forgive(root: HTMLElement, instance: PagefindInstance): void {
  const partial = root.querySelector<HTMLElement>('[data-partial]');
  const suggestions = root.querySelector<HTMLElement>('[data-suggestions]');
  let term = '';
  let filters: Filters = {};
  instance.on('search', (t, f) => {
    term = t;
    filters = f ?? {};
    if (partial) partial.hidden = true;
    if (suggestions) suggestions.hidden = Boolean(t.trim());
  });
  (instance.on as unknown as (event: 'results', cb: (results: { results?: unknown[] }) => void) => void)('results', (results) => {
    if (partial && term && (results?.results?.length ?? 0) === 0) void showPartial(partial, term, filters);
  });
}
