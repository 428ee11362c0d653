import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { INCLUDE_CHARACTERS } from '../lib/search.ts';
import type { Page } from '../site/pages.ts';
import { markArchived } from './archived-pages.ts';
import type { PageEvents } from './page-events.ts';

export interface IndexResult {
  /** HTML pages of the site (the inventory's). */
  files: number;
  /** Pages in the index (marked with data-pagefind-body), the archived ones included. */
  pages: number;
  /** Pages of editions not in force, findable with «включая недействующие редакции». */
  archived: number;
}

/** A page the search holds, by its address: as it is, or an edition not in force, with the archive filter. */
export interface SearchEntry {
  path: string;
  archived: boolean;
}

/**
 * What the search holds, from the page inventory (src/site/pages.ts, each page's `search`): the current
 * addresses, appendices and reference pages, and the pages of editions not in force. Also the list of
 * HTML pages the index is out of. A function of the inventory alone: a benchmark may feed Pagefind
 * records of these pages instead of their HTML.
 */
export function searchList(pages: readonly Pick<Page, 'path' | 'search'>[]): { entries: SearchEntry[]; htmlPages: number } {
  const entries = pages.filter((p) => p.search).map((p) => ({ path: p.path, archived: p.search === 'archived' }));
  const htmlPages = pages.filter((p) => p.path.endsWith('/') || p.path.endsWith('.html')).length;
  // In the order of their files' paths, as Pagefind has always been handed them.
  const order = (a: SearchEntry, b: SearchEntry) => (fileOf(a.path) < fileOf(b.path) ? -1 : fileOf(a.path) > fileOf(b.path) ? 1 : 0);
  return { entries: entries.sort(order), htmlPages };
}

/**
 * Builds the Pagefind index for a built site through its Node API; every response is checked.
 * Pagefind is handed only the pages the search list names (`searchList`): nothing is read back from
 * the HTML to decide what goes in. Russian stemming for every page (`forceLanguage`), and `-:.` kept
 * inside words so that «ПТ-035», «9001:2015» and «9.2» are tokens of their own besides their parts.
 */
export async function indexSite(siteDir: string, list: ReturnType<typeof searchList>): Promise<IndexResult> {
  return (await openSiteIndex(siteDir, list)).finish();
}

/**
 * An index being filled while the site is written (see `openSiteIndex`), listening to the build's pages
 * (src/integration/page-events.ts): a listed page is ready when `reused` (read from its file) or
 * `rendered` (its HTML as handed over). Unlisted pages are ignored.
 */
export interface SiteIndex extends PageEvents {
  /** Adds the listed pages not yet handed over, writes the index into the site and closes Pagefind. */
  finish(): Promise<IndexResult>;
  /** Drops the index (the build failed); files it may have written go with the build's work folder. */
  abort(): Promise<void>;
}

/**
 * Opens the index of a site that is about to be written. Pagefind runs in a process of its own and takes
 * the listed pages in the list's order (by file path), each as soon as it and the ones before it are
 * ready, while the build goes on rendering; the build renders them in that order, before the pages the
 * search does not hold (search-first.ts), and Pagefind writes the index's files as soon as the last
 * listed page is in, while the build renders the rest. The order is the list's, not the order Astro
 * happens to start or finish pages in (a rebuild restores cached pages in another order than a cold
 * build renders them), so the index is byte for byte the same in a cold build, a rebuild, and when it is
 * made from the finished site (`indexSite`). `finish` adds whatever listed page was not handed over, from
 * its file; a listed page the build did not write is an error.
 */
export async function openSiteIndex(siteDir: string, list: ReturnType<typeof searchList>): Promise<SiteIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru', includeCharacters: INCLUDE_CHARACTERS });
  if (!index) throw new Error(`Pagefind не запустился: ${errors.join('; ')}`);
  const queue = pagefindQueue(index, path.join(siteDir, 'pagefind'));
  /** Listed pages not yet ready, by file: settling one (with how to load it) lets the queue go on. */
  const slots = new Map<string, { entry: SearchEntry; settle: (load: LoadPage | Promise<never>) => void }>();
  for (const entry of list.entries) queue.add(new Promise<LoadPage>((resolve) => slots.set(fileOf(entry.path), { entry, settle: resolve })));
  const ready = (file: string, html?: string) => {
    const slot = slots.get(file);
    if (!slot) return;
    slots.delete(file);
    const { entry, settle } = slot;
    // A reused page is read from its file only when its turn to be sent comes: a rebuild restores pages
    // faster than Pagefind indexes them, and the waiting ones are not held in memory meanwhile.
    settle(html === undefined ? () => pagesToIndex(siteDir, [entry]).then(([page]) => page!) : async () => pageToIndex(entry, html));
    // The last listed page is in: the index is complete, and Pagefind writes it while the build renders
    // the pages the search does not hold.
    if (slots.size === 0) queue.write().catch(() => {}); // awaited in finish()
  };
  const close = async () => {
    await index.deleteIndex();
    await pagefind.close();
  };
  return {
    reused: (file) => ready(file.replace(/^\//, '')),
    rendered: (address, html) => ready(fileOf(address), html),
    async finish() {
      try {
        for (const file of [...slots.keys()]) ready(file);
        await queue.write();
        const entry = JSON.parse(await readFile(path.join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
          languages: Record<string, { page_count: number }>;
        };
        const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
        return { files: list.htmlPages, pages, archived: list.entries.filter((e) => e.archived).length };
      } finally {
        await close();
      }
    },
    async abort() {
      for (const { settle } of slots.values()) settle(Promise.reject(new Error('сборка остановлена')));
      slots.clear();
      await queue.settled();
      await close();
    },
  };
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;
/** A ready page, loaded (its HTML read or taken as handed over) when its turn to be sent comes. */
export type LoadPage = () => Promise<PageToIndex>;
const IN_FLIGHT = 32;

/**
 * Pagefind's end of the index. Pages are sent in the order they were queued, each as soon as it and the
 * ones before it are ready, without waiting for Pagefind's answer to the previous one: Pagefind takes its
 * messages one at a time, in the order they were written, so the index is the same, and it always has
 * the next page at hand instead of waiting for the build's busy event loop to read its answer (1,000
 * documents: the search's tail after the last page 10 → 1.5 s, with the early write).
 */
export function pagefindQueue(index: Pick<PagefindIndex, 'addHTMLFile' | 'writeFiles'>, outputPath: string) {
  let sending: Promise<unknown> = Promise.resolve();
  const answers: Promise<void>[] = [];
  let writing: Promise<void> | undefined;
  return {
    add(whenReady: Promise<LoadPage>) {
      sending = Promise.all([whenReady, sending]).then(async ([load]) => {
        // At most IN_FLIGHT pages are with Pagefind unanswered: enough to keep it busy, and the pages
        // it has not read yet (as base64 JSON in the pipe's buffer) do not pile up in the build's memory.
        await answers.at(-IN_FLIGHT)?.catch(() => {});
        const page = await load();
        const answer = index.addHTMLFile({ url: page.url, content: page.content }).then((response) => {
          if (response.errors.length) throw new Error(`Pagefind, ${page.url}: ${response.errors.join('; ')}`);
        });
        answer.catch(() => {}); // awaited in write(); a rejection must not go unhandled meanwhile
        answers.push(answer);
      });
      sending.catch(() => {}); // awaited in write()
    },
    /** Writes the index's files once every page queued so far is in; asked again, the same writing. */
    write: () =>
      (writing ??= sending
        .then(() => Promise.all(answers))
        .then(async () => {
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        })),
    /** Waits until nothing is being sent or written (the build failed). */
    async settled() {
      await sending.catch(() => {});
      await Promise.allSettled(answers);
      await writing?.catch(() => {});
    },
  };
}

export interface PageToIndex {
  url: string;
  content: string;
  archived: boolean;
}

/**
 * The listed pages of a built site with their HTML as Pagefind reads it: an archived edition gets the
 * archive filter (`markArchived`). A listed page the build did not write is an error: the inventory and
 * the pages disagree.
 */
export async function pagesToIndex(siteDir: string, entries: readonly SearchEntry[]): Promise<PageToIndex[]> {
  const pages: PageToIndex[] = [];
  for (const entry of entries) {
    const file = path.join(siteDir, fileOf(entry.path));
    const content = await readFile(file, 'utf8').catch(() => {
      throw new Error(`поиск: страницы ${entry.path} из перечня страниц нет в собранном сайте (${file})`);
    });
    pages.push(pageToIndex(entry, content));
  }
  return pages;
}

/** A listed page's HTML as Pagefind reads it: an archived edition gets the archive filter (`markArchived`). */
function pageToIndex(entry: SearchEntry, content: string): PageToIndex {
  const html = entry.archived ? markArchived(content) : content;
  if (html === null) throw new Error(`поиск: страница ${entry.path} не размечена как недействующая редакция (data-nd-archived)`);
  return { url: entry.path, content: spacedForIndex(html), archived: entry.archived };
}

/**
 * Pagefind joins the text of adjacent cells, list items and glossary entries without a space
 * («АудиторДолжность», «СМКСистема…»), in the index and in excerpts. The copy handed to it gets a space
 * after every such element; the pages served are not changed.
 */
export function spacedForIndex(html: string): string {
  return html.replace(/<\/(td|th|li|dt|dd|caption|p|h[1-6]|div|br)>(?!\s)/gi, '</$1> ').replace(/<br\s*\/?>(?!\s)/gi, '<br> ');
}

/** `/nd/pt-035/1.0/` → `nd/pt-035/1.0/index.html`: the file a page's address is written to. */
function fileOf(address: string): string {
  return address.endsWith('/') ? `${address.slice(1)}index.html` : address.slice(1);
}
