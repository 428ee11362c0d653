import type { Filters, PagefindInstance } from './pagefind-ui.ts';
import { SEARCH_OPTIONS } from './search.ts';

/**
 * Forgiving search: a query of several words that no page holds entirely still finds the pages holding most of
 * them, and a word no page has is named.
 */

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
export function forgive(root: HTMLElement, instance: PagefindInstance): void {
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
