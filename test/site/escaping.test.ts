import { readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { launchChromium } from '../browser/search-page.ts';
import { buildSite } from '../helpers/build-site.ts';
import { contentRoot, overlayFixture } from '../helpers/content-root.ts';
import { distTexts } from '../helpers/dist-scan.ts';

/**
 * Markup typed into data is text. ПР-903 (test/fixtures/escaping) carries `<script>`, `<img onerror>`,
 * `<iframe>`, `<style>`, `<svg onload>`, `"` and `&` in its title, passport, act, change summary,
 * references, an appendix title and a role it defines. The site must show all of it as text: no
 * element is created from it in any page (checked in Chromium, which also fails on any `alert`), the
 * XML files stay well-formed and the JSON exports carry the exact strings.
 */
const TITLE = '<script>alert(1)</script> Порядок «экранирования» & "кавычки"';
const INJECTED = [
  '<script>alert',
  '<img src=x',
  '<iframe src="https://example.ru/">',
  '<svg onload',
  '<style>body{display:none}',
  '<b>жирная</b>',
  '<i>курсив</i>',
  '<a href="javascript:',
  '<b>Роль</b>',
];
const PAGES = ['/nd/pr-903/', '/nd/pr-903/1.0/', '/nd/pr-903/appendices/1/', '/nd/', '/', '/glossary/', '/nd/as-of/', '/standards/iso-9001-2015/'];

let texts: Map<string, string>;
let server: Server;
let browser: Browser;
let page: Page;
let base = '';
const dialogs: string[] = [];

beforeAll(async () => {
  const root = await contentRoot();
  await overlayFixture(root, 'escaping');
  const roles = path.join(root, 'registries/roles.json');
  const registry = JSON.parse(await readFile(roles, 'utf8')) as { items: unknown[] };
  registry.items.push({
    id: 'escaper',
    name: '<b>Роль</b> экранирования',
    definition: '<script>alert(7)</script> определение',
    definedIn: 'ПР-903',
    sample: true,
  });
  await writeFile(roles, JSON.stringify(registry, null, 2));
  const built = await buildSite({ root, date: '2026-11-26' });
  if (built.code !== 0) throw new Error(`сборка не удалась:\n${built.stdout}\n${built.stderr}`);
  texts = await distTexts(built.outDir);
  server = await startServer(built.outDir, 0);
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('HTML and XML files', () => {
  // Astro writes every attribute value in double quotes with `"` as &quot;: inside one, `<` is not markup.
  const outsideAttributes = (html: string) => html.replace(/="[^"]*"/g, '=""');

  it.each(INJECTED)('no page or feed contains %s as markup', (markup) => {
    const found = [...texts].filter(([file, text]) => /\.(html|xml)$/.test(file) && outsideAttributes(text).includes(markup)).map(([file]) => file);
    expect(found).toEqual([]);
  });
});

describe('JSON exports carry the exact strings', () => {
  it('registry.json', () => {
    const registry = JSON.parse(texts.get('registry.json') ?? '{}') as {
      documents: Array<{ code: string; title: string; editions: Array<{ changes: string; act: string }> }>;
    };
    const doc = registry.documents.find((d) => d.code === 'ПР-903');
    expect(doc?.title).toBe(TITLE);
    expect(doc?.editions[0]?.changes).toBe('</title><script>alert(2)</script> ]]> первая редакция');
  });

  it('Pagefind stores the title and the page text as data', () => {
    const fragments = [...texts]
      .filter(([file]) => file.endsWith('.pf_fragment'))
      .map(([, text]) => JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string; content: string; meta: Record<string, string> });
    const fragment = fragments.find((f) => f.url === '/nd/pr-903/');
    expect(fragment?.meta.title).toContain(TITLE);
    // Plain text, not HTML: the search UI must escape it when it builds excerpts (checked in the browser below).
    expect(fragment?.content).toContain('<b>жирная</b> цель <img src=x onerror=alert(3)>');
  });
});

describe('in the browser', () => {
  it.each(PAGES)('%s shows the markup as text and runs none of it', async (url) => {
    await page.goto(`${base}${url}`, { waitUntil: 'load' });
    const found = await page.evaluate(() => ({
      title: document.title,
      body: document.body.textContent ?? '',
      injected: document.querySelectorAll('[onerror], [onload], svg, iframe, img, main style, b, i').length,
      scripts: Array.from(document.scripts).filter((s) => s.textContent?.includes('alert(')).length,
      meta: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
    }));
    expect(found.injected).toBe(0);
    expect(found.scripts).toBe(0);
    if (url.startsWith('/nd/pr-903/') && !url.includes('appendices')) {
      expect(found.title).toContain(TITLE);
      expect(found.body).toContain(TITLE);
      expect(found.body).toContain('<img src=x onerror=alert(3)>');
      if (url === '/nd/pr-903/') expect(found.meta).toBe('"><img src=x onerror=alert(4)> описание & ещё');
    }
    if (url.includes('appendices')) expect(found.body).toContain('<svg onload=alert(6)> приложение');
    if (url === '/glossary/') expect(found.body).toContain('<script>alert(7)</script> определение');
    expect(dialogs).toEqual([]);
  });

  it.each(['feed.xml', 'sitemap.xml'])("%s is well-formed XML (the browser's XML parser)", async (file) => {
    const parsed = await page.evaluate(
      (xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, text: doc.documentElement.textContent ?? '' };
      },
      texts.get(file) ?? '',
    );
    expect(parsed.error).toBeNull();
    if (file === 'feed.xml') expect(parsed.text).toContain(TITLE);
  });

  it('search excerpts around the markup show it as text', async () => {
    await page.goto(`${base}/search/?q=${encodeURIComponent('жирная')}`);
    const excerpt = page.locator('.nd-result-excerpt').first();
    await excerpt.waitFor({ timeout: 15_000 });
    expect(await excerpt.textContent()).toContain('<img src=x onerror=alert(3)>');
    expect(await page.locator('.nd-result b, .nd-result img, .nd-result [onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('search results show the title as text', async () => {
    await page.goto(`${base}/search/?q=${encodeURIComponent('эскейпинг')}`);
    const title = page.locator('.nd-result-title').first();
    await title.waitFor({ timeout: 15_000 });
    expect(await title.textContent()).toContain(TITLE);
    expect(await page.locator('.nd-result [onerror], .nd-result img, .nd-result svg').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
