/**
 * Search as a person uses it: the real content built once, served on a free port, driven in Debian's
 * Chromium through Pagefind's own UI on /search/.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { indexSite, searchList } from '../../src/integration/search-index.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { prepareSite } from '../../src/publish/prepare.ts';
import { audienceSites } from '../../src/site/audience-pages.ts';
import { pagesOf } from '../../src/site/pages.ts';
import { projectRoot } from '../helpers/content-root.ts';
import { BUILDS, privateCopy, sharedBuild } from '../helpers/shared-build.ts';
import { launchChromium, SearchPage } from './search-page.ts';

let outDir = '';
let server: Server;
let browser: Browser;
let page: Page;
let base = '';
let search: SearchPage;
const errors: string[] = [];

/**
 * Non-current edition pages come from the edition renderer with `data-nd-archived` and no
 * `data-pagefind-body`. The real content has one edition only, so the test adds such a page the same
 * way (the document page, unmarked for default search, with a word of its own) and indexes the site again.
 */
async function addArchivedEdition(dir: string): Promise<void> {
  const html = await readFile(path.join(dir, 'nd/pt-035/index.html'), 'utf8');
  const archived = html
    .replace(/<article([^>]*?) data-pagefind-body(="")?/, '<article$1 data-nd-archived')
    .replace('<div id="content">', '<div id="content"><p>Ретроспективная формулировка прежней редакции.</p>');
  expect(archived).toContain('data-nd-archived');
  await mkdir(path.join(dir, 'nd/pt-035/0.9'), { recursive: true });
  await writeFile(path.join(dir, 'nd/pt-035/0.9/index.html'), archived);
  await rm(path.join(dir, 'pagefind'), { recursive: true, force: true });
  // The search list is the inventory's, with the added page as it would list a pinned edition not in force.
  const config = loadConfig(projectRoot, {});
  const prepared = await prepareSite(config, { sites: audienceSites(config), gitHistory: false });
  const list = searchList([...pagesOf(prepared.view!), { path: '/nd/pt-035/0.9/', search: 'archived' }]);
  expect(await indexSite(dir, list)).toMatchObject({ archived: 1 });
}

beforeAll(async () => {
  const shared = await sharedBuild('real', BUILDS.internal);
  if (shared.code !== 0) throw new Error(`сборка не удалась:\n${shared.stdout}\n${shared.stderr}`);
  // The test adds a page and indexes again: its own copy of the run's shared build.
  outDir = (await privateCopy(shared, await mkdtemp(path.join(tmpdir(), 'nd-search-')))).outDir;
  await addArchivedEdition(outDir);
  server = await startServer(outDir, 0);
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  // Tall enough that Pagefind's lazily loaded results are all in view.
  page = await browser.newPage({ viewport: { width: 1280, height: 6000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  search = new SearchPage(page, base);
  await search.open();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (outDir) await rm(path.dirname(outDir), { recursive: true, force: true });
});

describe('the index', () => {
  it('is one Russian index (stemming) that counts the default pages and the archived one', async () => {
    const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['ru']);
    expect(entry.languages.ru.wasm).toBe('ru');
    // ПТ-035, 3 appendices, glossary, 5 standards, the archived edition — and whatever pages were added since.
    expect(entry.languages.ru.page_count).toBeGreaterThanOrEqual(11);
    expect(entry.include_characters).toEqual(expect.arrayContaining(['-', ':', '.']));
  });
});

describe('queries put the right page first', () => {
  it.each([
    ['ПТ-035', '/nd/pt-035/'],
    ['пт 035', '/nd/pt-035/'],
    ['ПТ035', '/nd/pt-035/'],
    ['PT-035', '/nd/pt-035/'],
    ['ISO 19011', '/standards/iso-19011-2018/'],
    ['ИСО 9001', '/standards/iso-9001-2015/'],
    ['ISO 9001', '/standards/iso-9001-2015/'],
    ['ГОСТ Р ИСО 9001', '/standards/iso-9001-2015/'],
    ['9001:2015', '/standards/iso-9001-2015/'],
    ['ISO 9004', '/standards/iso-9004-2018/'],
    ['ISO 9000', '/standards/iso-9000-2015/'],
    ['Руководство по системе менеджмента качества', '/nd/pt-035/appendices/1/'],
    ['ПТ-035 приложение 2', '/nd/pt-035/appendices/2/'],
    ['ПТ-035 приложение 3', '/nd/pt-035/appendices/3/'],
    ['Система стандартов качества', '/nd/pt-035/appendices/2/'],
  ])('«%s» → %s', async (query, expected) => {
    const results = await search.search(query);
    expect(results[0]?.path).toBe(expected);
  });

  it.each([
    ['9.2', '/standards/iso-9001-2015/#clause-9.2'],
    ['10.2', '/standards/iso-9001-2015/#clause-10.2'],
  ])('clause «%s» → the ISO 9001:2015 catalog, linked to the clause', async (query, anchor) => {
    const [first] = await search.search(query);
    expect(first?.path).toBe('/standards/iso-9001-2015/');
    expect(first?.anchors[0]).toBe(anchor);
  });

  it.each([
    ['аудиторы', ['/glossary/#role-auditor', '/standards/iso-19011-2018/']],
    ['аудитора', ['/glossary/#role-auditor', '/standards/iso-19011-2018/']],
    ['клиентского опыта', ['/nd/pt-035/']],
  ])('inflected «%s» finds the other forms', async (query, expected) => {
    const results = await search.search(query);
    const shown = results.flatMap((r) => [r.path, ...r.anchors]);
    for (const target of expected) expect(shown).toContain(target);
    // The highlighted words are other forms of the query, which only stemming can match.
    const marks = await page.$$eval('pagefind-results mark', (ms) => ms.map((m) => m.textContent?.toLowerCase().replace(/[^а-яё]/g, '') ?? ''));
    expect(new Set(marks).size).toBeGreaterThan(1);
  });
});

describe('a result', () => {
  it('shows code, title, status, edition and effective date, and links to the matching headings', async () => {
    const results = await search.search('ПТ-035');
    const doc = results.find((r) => r.path === '/nd/pt-035/');
    expect(doc).toMatchObject({ code: 'ПТ-035', status: 'Действует', title: 'Политика МТС в области качества и управления клиентским опытом' });
    expect(doc?.edition).toMatch(/^Редакция 1\.0, введена в действие \d{1,2} [а-я]+ \d{4} г\.$/);
    const role = (await search.search('Руководитель группы аудита')).find((r) => r.path === '/glossary/');
    expect(role?.anchors).toContain('/glossary/#role-audit-team-leader');
  });
});

describe('filters', () => {
  it('offer document type, status, owner unit and access level', async () => {
    await search.search('аудит');
    expect(await search.filterOptions('тип')).toEqual(expect.arrayContaining(['Политика', 'Приложение', 'Внешний стандарт', 'Справочник']));
    expect(await search.filterOptions('статус')).toContain('Действует');
    expect((await search.filterOptions('подразделение')).length).toBeGreaterThan(0);
    expect((await search.filterOptions('доступ')).length).toBeGreaterThan(0);
  });

  it('narrow the results to the chosen type', async () => {
    const all = await search.search('качества');
    expect(all.some((r) => !r.path.startsWith('/standards/'))).toBe(true);
    const standards = await search.selectFilter('тип', 'Внешний стандарт');
    expect(standards.length).toBeGreaterThan(0);
    expect(standards.every((r) => r.path.startsWith('/standards/'))).toBe(true);
    await search.open();
  });
});

describe('editions not in force', () => {
  it('are left out by default and found with «включая недействующие редакции»', async () => {
    await search.open();
    expect(await search.search('ретроспективная')).toEqual([]);
    expect((await search.search('ISO 9001:2008')).map((r) => r.path)).not.toContain('/standards/iso-9001-2008/');
    const withArchive = await search.includeArchived(true);
    expect(withArchive[0]?.path).toBe('/standards/iso-9001-2008/');
    expect((await search.search('ретроспективная')).map((r) => r.path)).toEqual(['/nd/pt-035/0.9/']);
    expect(new URL(page.url()).searchParams.get('archived')).toBe('1');
    expect(await search.includeArchived(false)).toEqual([]);
  });
});

describe('on every page', () => {
  it('«/» focuses the header field, which submits to /search/', async () => {
    await page.goto(`${base}/nd/pt-035/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('ПТ035');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await search.attach('ПТ035');
    expect(await search.input().inputValue()).toBe('ПТ035');
    expect((await search.results())[0]?.path).toBe('/nd/pt-035/');
  });

  it('Ctrl+K focuses search too, and on /search/ it is Pagefind’s own field', async () => {
    await page.goto(`${base}/glossary/`);
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await search.open();
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.closest('pagefind-input') !== null)).toBe(true);
  });

  it('a document page loads no search code and at most 15 KB of CSS+JS (gzipped) until search is used', async () => {
    const loaded: Array<{ url: string; type: string; bytes: number }> = [];
    const onResponse = async (response: import('playwright-core').Response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      loaded.push({ url: response.url(), type: response.request().resourceType(), bytes: gzipSync(body).length });
    };
    // A page of its own: requests still in flight from earlier searches must not be counted here.
    const fresh = await browser.newPage();
    fresh.on('response', onResponse);
    await fresh.goto(`${base}/nd/pt-035/`, { waitUntil: 'networkidle' });
    fresh.off('response', onResponse);
    expect(loaded.filter((r) => r.url.includes('/pagefind/'))).toEqual([]);
    const inline = await fresh.$$eval('script:not([src]), style', (els) => els.map((e) => e.textContent ?? ''));
    const external = loaded.filter((r) => r.type === 'script' || r.type === 'stylesheet').reduce((sum, r) => sum + r.bytes, 0);
    const total = external + inline.reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(total).toBeLessThanOrEqual(15 * 1024);
    await fresh.close();
  });

  it('no page logged an error', () => {
    expect(errors).toEqual([]);
  });
});
