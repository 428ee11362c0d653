import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite, openSiteIndex, searchList } from '../../src/integration/search-index.ts';

const page = (title: string, word: string) =>
  `<!doctype html><html lang="ru"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${word}</p></main></body></html>`;

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nd-site-index-'));
  dirs.push(dir);
  for (const [rel, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), html);
  }
  return dir;
}

const list = searchList([{ path: '/nd/pt-035/', search: 'page' }, { path: '/nd/pt-036/', search: 'page' }, { path: '/about/' }]);

/** Two listed pages, as the build writes them. */
const TWO_PAGES = { 'nd/pt-035/index.html': page('ПТ-035', 'политика'), 'nd/pt-036/index.html': page('ПТ-036', 'процедура') };

/** The index's entry file: it carries the hash of the index's metadata, which another page order changes. */
const entryOf = (dir: string) => readFile(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8');

/** The fragments Pagefind wrote, one per indexed page, as their text. */
async function fragments(dir: string): Promise<string[]> {
  const folder = path.join(dir, 'pagefind/fragment');
  return Promise.all((await readdir(folder)).map(async (f) => gunzipSync(await readFile(path.join(folder, f))).toString('utf8')));
}

describe('openSiteIndex: the search index filled while the site is written', () => {
  it('indexes the announced pages as they come and the listed pages never announced at the end; others are ignored', async () => {
    const dir = await site({ ...TWO_PAGES, 'about/index.html': page('О портале', 'портал') });
    const index = await openSiteIndex(dir, list);
    index.reused('/nd/pt-035/index.html');
    index.reused('/about/index.html'); // not in the search list
    index.reused('/nd/pt-035/index.html'); // handed over twice: indexed once
    const result = await index.finish();
    expect(result).toEqual({ files: 3, pages: 2, archived: 0 });
    expect((await fragments(dir)).filter((text) => text.includes('портал'))).toEqual([]);
    expect(await fragments(dir)).toHaveLength(2);
  });

  it('gives the same index whether pages were announced or not', async () => {
    const [streamed, whole] = [await site(TWO_PAGES), await site(TWO_PAGES)];
    const index = await openSiteIndex(streamed, list);
    index.reused('/nd/pt-035/index.html');
    index.reused('/nd/pt-036/index.html');
    await index.finish();
    await indexSite(whole, list);
    expect(await entryOf(streamed)).toBe(await entryOf(whole));
  });

  it('takes pages in the search list’s order, whatever order they are handed over in: a rebuild restores them in another', async () => {
    const [inOrder, crossed] = [await site(TWO_PAGES), await site(TWO_PAGES)];
    const a = await openSiteIndex(inOrder, list);
    a.reused('/nd/pt-035/index.html');
    a.reused('/nd/pt-036/index.html');
    await a.finish();
    const b = await openSiteIndex(crossed, list);
    b.rendered('/nd/pt-036/', TWO_PAGES['nd/pt-036/index.html']);
    b.reused('/nd/pt-035/index.html');
    await b.finish();
    expect(await entryOf(crossed)).toBe(await entryOf(inOrder));
  });

  it('writes the index as soon as the last listed page is in, before finish: the pages the search does not hold may still be rendering', async () => {
    const [early, whole] = [await site(TWO_PAGES), await site(TWO_PAGES)];
    const index = await openSiteIndex(early, list);
    index.rendered('/nd/pt-035/', TWO_PAGES['nd/pt-035/index.html']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(entryOf(early)).rejects.toThrow(); // one listed page is not in yet
    index.rendered('/nd/pt-036/', TWO_PAGES['nd/pt-036/index.html']);
    const deadline = Date.now() + 20_000;
    while (!(await entryOf(early).catch(() => '')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const entry = await entryOf(early);
    expect(await index.finish()).toEqual({ files: 3, pages: 2, archived: 0 });
    await indexSite(whole, list);
    expect(entry).toBe(await entryOf(whole));
  });

  it('indexes a rendered page from the HTML handed over, archived editions marked, without reading the file back', async () => {
    const dir = await site({ 'nd/pt-035/index.html': page('ПТ-035', 'старыйтекст'), 'nd/pt-035/0.9/index.html': '' });
    const archivedList = searchList([
      { path: '/nd/pt-035/', search: 'page' },
      { path: '/nd/pt-035/0.9/', search: 'archived' },
    ]);
    const index = await openSiteIndex(dir, archivedList);
    index.rendered(
      '/nd/pt-035/0.9/',
      '<!doctype html><html lang="ru"><body><article data-nd-archived><h1>0.9</h1><p>прежняяредакция</p></article></body></html>',
    );
    index.rendered('/nd/pt-035/', page('ПТ-035', 'новыйтекст'));
    expect(await index.finish()).toEqual({ files: 2, pages: 2, archived: 1 });
    const texts = await fragments(dir);
    expect(texts.join('\n')).toContain('новыйтекст');
    expect(texts.join('\n')).not.toContain('старыйтекст');
    expect(texts.find((t) => t.includes('прежняяредакция'))).toContain('недействующая');
  });

  it('fails at the end when an announced or a listed page was not written, and writes no index', async () => {
    const dir = await site({ 'nd/pt-035/index.html': page('ПТ-035', 'политика') });
    const index = await openSiteIndex(dir, list);
    index.reused('/nd/pt-036/index.html');
    await expect(index.finish()).rejects.toThrow('страницы /nd/pt-036/ из перечня страниц нет в собранном сайте');
    await expect(readFile(path.join(dir, 'pagefind/pagefind-entry.json'))).rejects.toThrow();
  });

  it('abort after the last listed page is in waits for the writing under way and closes Pagefind: a build that fails later neither hangs nor throws here', async () => {
    const dir = await site(TWO_PAGES);
    const index = await openSiteIndex(dir, list);
    index.reused('/nd/pt-035/index.html');
    index.reused('/nd/pt-036/index.html'); // the last listed page: the writing begins
    await expect(index.abort()).resolves.toBeUndefined();
    // Pagefind was closed, not left running: a new index starts a service of its own and works.
    const again = await site(TWO_PAGES);
    expect(await indexSite(again, list)).toEqual({ files: 3, pages: 2, archived: 0 });
  });

  it('abort drops the index without writing it', async () => {
    const dir = await site({ 'nd/pt-035/index.html': page('ПТ-035', 'политика') });
    const index = await openSiteIndex(dir, list);
    index.reused('/nd/pt-035/index.html');
    await index.abort();
    await expect(readFile(path.join(dir, 'pagefind/pagefind-entry.json'))).rejects.toThrow();
  });
});
