import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { INCLUDE_CHARACTERS } from '../lib/search.ts';
import { markArchived } from './archived-pages.ts';

export interface IndexResult {
  /** HTML files of the site. */
  files: number;
  /** Pages in the index (marked with data-pagefind-body), the archived ones included. */
  pages: number;
  /** Pages of editions not in force, findable with «включая недействующие редакции». */
  archived: number;
}

/** A page the index reads: marked `data-pagefind-body`, or an archived edition marked for its filter. */
const INDEXED = 'data-pagefind-body';
const ARCHIVED = 'data-nd-archived';

/**
 * Builds the Pagefind index for a built site through its Node API; every response is checked.
 * Pagefind is handed only the pages that go into the index (a byte search for the markers is far
 * cheaper than Pagefind parsing every page, half of which it would skip): the current addresses,
 * appendices and reference pages as they are, the pages of editions not in force with the archive filter.
 * Russian stemming for every page (`forceLanguage`), and `-:.` kept inside words so that «ПТ-035»,
 * «9001:2015» and «9.2» are tokens of their own besides their parts.
 */
export async function indexSite(siteDir: string): Promise<IndexResult> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru', includeCharacters: INCLUDE_CHARACTERS });
  if (!index) throw new Error(`Pagefind не запустился: ${errors.join('; ')}`);
  try {
    const { files, pages: toIndex } = await pagesToIndex(siteDir);
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

/** The pages of a built site that go into the index, in path order, and how many HTML files it has. */
export async function pagesToIndex(siteDir: string): Promise<{ files: number; pages: PageToIndex[] }> {
  const files = await htmlFiles(siteDir);
  const pages: PageToIndex[] = [];
  for (const rel of files) {
    const content = await readFile(path.join(siteDir, rel), 'utf8');
    if (content.includes(INDEXED)) {
      pages.push({ url: pageUrl(rel), content: spacedForIndex(content), archived: false });
      continue;
    }
    const marked = content.includes(ARCHIVED) ? markArchived(content) : null;
    if (marked) pages.push({ url: pageUrl(rel), content: spacedForIndex(marked), archived: true });
  }
  return { files: files.length, pages };
}

/**
 * Pagefind joins the text of adjacent cells, list items and glossary entries without a space
 * («АудиторДолжность», «СМКСистема…»), in the index and in excerpts. The copy handed to it gets a space
 * after every such element; the pages served are not changed.
 */
export function spacedForIndex(html: string): string {
  return html.replace(/<\/(td|th|li|dt|dd|caption|p|h[1-6]|div|br)>(?!\s)/gi, '</$1> ').replace(/<br\s*\/?>(?!\s)/gi, '<br> ');
}

/** `nd/pt-035/1.0/index.html` → `/nd/pt-035/1.0/`. */
function pageUrl(rel: string): string {
  return `/${rel
    .split(path.sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1')}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((rel) => !rel.startsWith(`pagefind${path.sep}`))
    .sort();
}
