import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { INCLUDE_CHARACTERS } from '../lib/search.ts';
import type { Page } from '../site/pages.ts';
import { markArchived } from './archived-pages.ts';

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
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru', includeCharacters: INCLUDE_CHARACTERS });
  if (!index) throw new Error(`Pagefind не запустился: ${errors.join('; ')}`);
  try {
    const files = list.htmlPages;
    const toIndex = await pagesToIndex(siteDir, list.entries);
    for (const page of toIndex) {
      const added = await index.addHTMLFile({ url: page.url, content: page.content });
      if (added.errors.length) throw new Error(`Pagefind, ${page.url}: ${added.errors.join('; ')}`);
    }
    const archived = toIndex.filter((page) => page.archived).length;
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    const entry = JSON.parse(await readFile(path.join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    return { files, pages, archived };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
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
    const html = entry.archived ? markArchived(content) : content;
    if (html === null) throw new Error(`поиск: страница ${entry.path} не размечена как недействующая редакция (data-nd-archived)`);
    pages.push({ url: entry.path, content: spacedForIndex(html), archived: entry.archived });
  }
  return pages;
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
