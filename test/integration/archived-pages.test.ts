import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markArchived } from '../../src/integration/archived-pages.ts';
import { pagesToIndex, searchList } from '../../src/integration/search-index.ts';

const page = (article: string, extra = '') =>
  `<!doctype html><html lang="ru"><body><header>шапка</header>${article}<h1>Документ</h1>${extra}</article></body></html>`;

describe('markArchived', () => {
  it('puts an archived article into the index with the «редакция: недействующая» filter', () => {
    expect(markArchived(page('<article class="doc" data-nd-archived>'))).toContain(
      '<article class="doc" data-nd-archived data-pagefind-body data-pagefind-filter="редакция:недействующая">',
    );
  });
  it('accepts the attribute written with a value', () => {
    expect(markArchived(page('<article data-nd-archived="">'))).toContain('<article data-nd-archived="" data-pagefind-body data-pagefind-filter=');
  });
  it('does not repeat a filter the page already declares', () => {
    const html = markArchived(page('<article data-nd-archived>', '<span data-pagefind-filter="редакция">недействующая</span>'));
    expect(html).toContain('<article data-nd-archived data-pagefind-body>');
  });
  it('skips current pages, pages already indexed and drafts', () => {
    expect(markArchived(page('<article data-pagefind-body>'))).toBeNull();
    expect(markArchived(page('<article data-nd-archived data-pagefind-body>'))).toBeNull();
    expect(markArchived(page('<article data-nd-archived data-nd-unpublished>'))).toBeNull();
  });
});

describe('pagesToIndex', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('hands Pagefind the listed pages only, with their addresses, the archived ones marked for their filter', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'nd-archived-'));
    dirs.push(site);
    const write = async (rel: string, html: string) => {
      await mkdir(path.dirname(path.join(site, rel)), { recursive: true });
      await writeFile(path.join(site, rel), html);
    };
    await write('nd/pt-035/index.html', page('<article data-pagefind-body>'));
    await write('nd/pt-035/0.9/index.html', page('<article data-nd-archived>'));
    await write('nd/pt-035/0.8/index.html', page('<article data-nd-archived data-nd-unpublished>'));
    await write('pagefind/x.html', page('<article data-nd-archived>'));
    await write('nd/pt-035/changes/index.html', page('<article>'));
    const list = searchList([
      { path: '/nd/pt-035/', search: 'page' },
      { path: '/nd/pt-035/0.9/', search: 'archived' },
      { path: '/nd/pt-035/changes/' },
      { path: '/feed.xml' },
    ]);
    expect(list.htmlPages).toBe(3);
    const pages = await pagesToIndex(site, list.entries);
    expect(pages.map((p) => [p.url, p.archived])).toEqual([
      ['/nd/pt-035/0.9/', true],
      ['/nd/pt-035/', false],
    ]);
    expect(pages[0]?.content).toContain('data-pagefind-body');
  });

  it('stops when a listed page was not built or an archived one is not marked: the inventory and the pages disagree', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'nd-archived-'));
    dirs.push(site);
    await mkdir(path.join(site, 'nd/pt-035/0.9'), { recursive: true });
    await writeFile(path.join(site, 'nd/pt-035/0.9/index.html'), page('<article data-pagefind-body>'));
    await expect(pagesToIndex(site, [{ path: '/nd/pt-036/', archived: false }])).rejects.toThrow(
      'страницы /nd/pt-036/ из перечня страниц нет в собранном сайте',
    );
    await expect(pagesToIndex(site, [{ path: '/nd/pt-035/0.9/', archived: true }])).rejects.toThrow('не размечена как недействующая редакция');
  });
});
