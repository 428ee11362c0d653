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
