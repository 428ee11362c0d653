/**
 * Accessibility: axe-core, injected into every page type of the real content in Chromium, reports no
 * violation of any impact, at desktop and phone widths. The search page is checked with results shown.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBuiltSite, PAGE_TYPES, type BuiltSite } from './built-site.ts';
import { SearchPage } from './search-page.ts';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: BuiltSite;
/**
 * axe.min.js from a server of its own, cacheable: Chromium compiles the 500 KB script once and takes it
 * from its code cache on the next pages, where an inline copy was sent and compiled for every page.
 */
let axeServer: Server;
let axeUrl = '';

beforeAll(async () => {
  site = await openBuiltSite();
  axeServer = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
    response.end(AXE);
  });
  await new Promise<void>((resolve) => axeServer.listen(0, '127.0.0.1', resolve));
  const address = axeServer.address();
  axeUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/axe.min.js`;
});
afterAll(async () => {
  await Promise.all(tabs.map((tab) => tab.close()));
  await site?.close();
  axeServer?.close();
});

/** Violations as readable lines: rule, impact, and the first offending nodes. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: axeUrl });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[]; failureSummary: string }> }> }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`)
        .join(' | ')}`,
  );
}

const VIEWPORTS = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 375, height: 812 }],
] as const;

/** Tabs open at once: one per core of the 2-core machines the suite runs on; more only contend. */
const TABS = 2;
/** The tabs, made on first use and kept: each check loads its page into a free one (a new tab costs a renderer). */
const tabs: Page[] = [];
const free: Page[] = [];
const waiting: Array<(tab: Page) => void> = [];

/**
 * Each check in a tab of its own, so the checks of a block run side by side (`describe.concurrent`):
 * axe works in the page's renderer process, and the machine's other core would otherwise sit idle.
 * The tab is sized to the check's viewport before it loads the page; the site keeps no state in the
 * browser (no storage, no cookies), so a page loaded after another is the page loaded alone.
 */
async function inTab<T>(viewport: { width: number; height: number }, check: (page: Page) => Promise<T>): Promise<T> {
  const tab = free.pop() ?? (tabs.length < TABS ? await newTab() : await new Promise<Page>((resolve) => waiting.push(resolve)));
  try {
    await tab.setViewportSize(viewport);
    return await check(tab);
  } finally {
    const next = waiting.shift();
    if (next) next(tab);
    else free.push(tab);
  }
}

async function newTab(): Promise<Page> {
  // The site's Content-Security-Policy (src/serve/headers.ts) refuses scripts from elsewhere; axe is one.
  const tab = await site.browser.newPage({ bypassCSP: true });
  tabs.push(tab);
  return tab;
}

describe.concurrent.each(VIEWPORTS)('%s', (_, viewport) => {
  it.for(Object.entries(PAGE_TYPES).filter(([, path]) => path !== '/search/'))('%s (%s): no violations', async ([, path], { expect }) => {
    await inTab(viewport, async (page) => {
      const response = await page.goto(`${site.base}${path}`);
      expect(response?.ok()).toBe(true);
      expect(await violations(page)).toEqual([]);
    });
  });

  it('search with a query, results and filters: no violations', async ({ expect }) => {
    // Tall, so that Pagefind's lazily loaded results are all in view and rendered.
    await inTab({ width: viewport.width, height: 6000 }, async (page) => {
      const search = new SearchPage(page, site.base);
      await search.open('аудит');
      expect(await violations(page)).toEqual([]);
    });
  });
});

/** Page types the real content lacks (one edition only): the editions fixture has them. */
describe.concurrent('edition pages of the editions fixture', () => {
  let editions: BuiltSite;
  beforeAll(async () => {
    // Served on an address of its own, checked in the same tabs.
    editions = await openBuiltSite({ fixture: 'editions', date: '2025-03-01', browser: site.browser });
  });
  afterAll(async () => editions?.close());

  it.for([
    ['будущая редакция', '/nd/pr-901/3.0/'],
    ['недействующая редакция', '/nd/pr-901/1.0/'],
    ['что изменилось', '/nd/pr-901/2.0/changes/'],
    ['отменённый документ', '/nd/pr-902/'],
  ])('%s (%s): no violations at desktop and phone widths, no wider than a phone', async ([, address], { expect }) => {
    for (const [, viewport] of VIEWPORTS) {
      await inTab(viewport, async (page) => {
        expect((await page.goto(`${editions.base}${address}`))?.status()).toBe(200);
        expect(await violations(page)).toEqual([]);
        if (viewport.width === 375) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      });
    }
  });
});
