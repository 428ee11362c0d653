/**
 * Phones: every page type of the real content at 375×812 in Chromium. No page is wider than the screen
 * (wide tables scroll in their own box), the header is one short row with the search field in it, and
 * a document's contents come before its text, folded.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBuiltSite, PAGE_TYPES, type BuiltSite } from './built-site.ts';

let site: BuiltSite;
let page: Page;

beforeAll(async () => {
  site = await openBuiltSite();
  page = await site.browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
});
afterAll(async () => site?.close());

describe.each(Object.entries(PAGE_TYPES))('%s (%s) at 375 px', (_, path) => {
  beforeAll(async () => {
    const response = await page.goto(`${site.base}${path}`);
    if (!response?.ok()) throw new Error(`${path}: ${response?.status()}`);
  });

  it('is no wider than the screen', async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('breaks no column name inside a word', async () => {
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const th of document.querySelectorAll<HTMLElement>('main th')) {
        if (!th.offsetParent) continue;
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Between words, and after «/» («подразделения/должности»), a line may break; inside a word never.
          for (const word of node.textContent!.matchAll(/[^\s/]+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(word[0]);
          }
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
  });

  it('has a header of one short row with the search field in view', async () => {
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    const search = page.locator(path === '/search/' ? 'pagefind-input input' : '#site-search');
    const box = await search.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(120);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  });
});

describe('a long document on a phone', () => {
  beforeAll(async () => {
    await page.goto(`${site.base}/nd/pt-035/`);
  });

  it('shows its contents before the text, folded, one tap away', async () => {
    const toc = page.locator('.toc details');
    expect(await toc.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const tocTop = (await page.locator('.toc summary').boundingBox())!.y;
    const passportTop = (await page.locator('#passport').boundingBox())!.y;
    expect(tocTop).toBeLessThan(passportTop);
    expect(tocTop).toBeLessThan(812);
    await page.locator('.toc summary').tap();
    const link = page.locator('.toc a', { hasText: '3. Нормативные ссылки' });
    await expect.poll(() => link.isVisible()).toBe(true);
    // A finger-sized target: WCAG 2.2 asks for 24 px.
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
  });

  it('opens the sections menu from the header', async () => {
    const registry = page.locator('.site-nav a', { hasText: 'Реестр НД' });
    expect(await registry.isVisible()).toBe(false);
    await page.locator('.site-menu summary').tap();
    expect(await registry.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

describe('wide tables on a phone (480 px and below)', () => {
  const stacked = (p: Page) =>
    p.$$eval('#registry > tbody > tr:first-child > td', (cells) =>
      cells.map((cell) => ({
        display: getComputedStyle(cell).display,
        label: getComputedStyle(cell, '::before').content,
        width: cell.getBoundingClientRect().width,
      })),
    );

  it('the registry becomes stacked rows, each cell under its column’s name', async () => {
    await page.goto(`${site.base}/nd/`);
    const headers = await page.$$eval('#registry > thead th', (ths) => ths.map((th) => th.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    const cells = await stacked(page);
    expect(cells.length).toBe(headers.length);
    expect(cells.every((c) => c.display === 'block')).toBe(true);
    expect(cells.map((c) => c.label)).toEqual(headers.map((h) => JSON.stringify(h)));
    // Each cell takes the row's width: nothing scrolls sideways.
    for (const cell of cells) expect(cell.width).toBeGreaterThan(300);
  });

  it('so do the other wide tables: the standards catalogue and an appendix’s', async () => {
    for (const path of ['/standards/iso-9001-2015/', '/nd/pt-035/appendices/1/']) {
      await page.goto(`${site.base}${path}`);
      const labelled = await page.$$eval('main table[data-stack] > tbody > tr > td[data-label]', (cells) =>
        cells.filter((c) => (c as HTMLElement).offsetParent).map((c) => [getComputedStyle(c).display, getComputedStyle(c, '::before').content !== 'none']),
      );
      expect(labelled.length, path).toBeGreaterThan(0);
      expect(
        labelled.every(([display, label]) => display === 'block' && label),
        path,
      ).toBe(true);
    }
  });

  it('stay tables above 480 px', async () => {
    const tablet = await site.browser.newPage({ viewport: { width: 600, height: 900 } });
    await tablet.goto(`${site.base}/nd/`);
    expect((await stacked(tablet)).every((c) => c.display === 'table-cell')).toBe(true);
    await tablet.close();
  });
});

describe('the same pages on a desktop', () => {
  it('show the sections and the open contents beside the text', async () => {
    const desktop = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(`${site.base}/nd/pt-035/`);
    expect(await desktop.locator('.site-nav a', { hasText: 'Стандарты качества' }).isVisible()).toBe(true);
    expect(await desktop.locator('.site-menu summary').isVisible()).toBe(false);
    const link = desktop.locator('.toc a', { hasText: '3. Нормативные ссылки' });
    expect(await link.isVisible()).toBe(true);
    const text = (await desktop.locator('#passport').boundingBox())!;
    expect((await link.boundingBox())!.x).toBeGreaterThan(text.x + text.width);
    await desktop.close();
  });
});
