import { readFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { INCLUDE_CHARACTERS } from '../lib/search.ts';
import { findArchivedPages } from './archived-pages.ts';

export interface IndexResult {
  /** HTML files Pagefind read. */
  files: number;
  /** Pages in the index (marked with data-pagefind-body), the archived ones included. */
  pages: number;
  /** Pages of editions not in force, findable with «включая недействующие редакции». */
  archived: number;
}

/**
 * Builds the Pagefind index for a built site; every Pagefind response is checked.
 * Russian stemming for every page (`forceLanguage`), and `-:.` kept inside words so that «ПТ-035»,
 * «9001:2015» and «9.2» are tokens of their own besides their parts.
 */
export async function indexSite(siteDir: string): Promise<IndexResult> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru', includeCharacters: INCLUDE_CHARACTERS });
  if (!index) throw new Error(`Pagefind не запустился: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const archived = await findArchivedPages(siteDir);
    for (const page of archived) {
      const file = await index.addHTMLFile({ url: page.url, content: page.content });
      if (file.errors.length) throw new Error(`Pagefind, ${page.url}: ${file.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    const entry = JSON.parse(await readFile(`${siteDir}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    return { files: added.page_count, pages, archived: archived.length };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
