/**
 * Search that forgives, on the real content in Chromium: synonyms from registries/synonyms.json find the
 * page that uses the other word, a query whose words no page holds together still shows the pages with
 * most of them, filters live in the address, excerpts read as text without the hidden search aids, and
 * an empty search page suggests where to start.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBuiltSite, type BuiltSite } from './built-site.ts';
import { SearchPage } from './search-page.ts';

let site: BuiltSite;
let page: Page;
let search: SearchPage;

beforeAll(async () => {
  site = await openBuiltSite();
  page = await site.browser.newPage({ viewport: { width: 1280, height: 6000 } });
  search = new SearchPage(page, site.base);
  await search.open();
});
afterAll(async () => site?.close());

const excerpts = () => page.$$eval('pagefind-results .nd-result-excerpt, pagefind-results .nd-sub-excerpt', (els) => els.map((e) => e.textContent ?? ''));

describe('synonyms', () => {
  it('«самообслуживание» finds the policy, which says «self-care»', async () => {
    const results = await search.search('самообслуживание');
    expect(results.map((r) => r.path)).toContain('/nd/pt-035/');
  });

  it('«customer experience» finds the policy, which says «клиентский опыт»', async () => {
    const results = await search.search('customer experience');
    expect(results.map((r) => r.path)).toContain('/nd/pt-035/');
  });
});

describe('a query no page holds entirely', () => {
  // Pagefind itself drops a word the index does not know («политика жирафов» finds the policy); words that
  // exist on different pages («калибровки» only in Appendix 1) made it answer «Ничего не найдено».
  it('shows the pages with most of its words, under a note, instead of nothing', async () => {
    await search.search('калибровки самообслуживание политика');
    expect(await search.summary()).toMatch(/^Ничего не найдено/);
    const partial = page.locator('[data-partial]');
    await partial.waitFor({ state: 'visible' });
    expect(await partial.textContent()).toContain('Нет страниц со всеми словами; показаны страницы с частью слов');
    const links = await partial.locator('li a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toContain('/nd/pt-035/');
    const policy = partial.locator('li', { has: page.locator('a[href="/nd/pt-035/"]') });
    expect(await policy.textContent()).toMatch(/нет слова «калибровки»/);
  });

  // «календарь» is on one page only (the audit programme), the other three words together on the policy.
  it('with one rare word, shows the pages holding the others, under a note', async () => {
    await search.search('предвосхищение клиентских ожиданий календарь');
    const partial = page.locator('[data-partial]');
    await partial.waitFor({ state: 'visible' });
    expect(await partial.locator('[data-partial-note]').textContent()).toBe('Нет страниц со всеми словами; показаны страницы с частью слов.');
    const policy = partial.locator('li', { has: page.locator('a[href="/nd/pt-035/"]') });
    expect(await policy.textContent()).toContain('нет слова «календарь»');
    // The note comes before the pages it explains.
    const [note, first] = await Promise.all([partial.locator('[data-partial-note]').boundingBox(), partial.locator('li').first().boundingBox()]);
    expect(note!.y).toBeLessThan(first!.y);
  });

  it('with one word no page has, shows the pages holding the others, under a note naming it', async () => {
    const results = await search.search('предвосхищение клиентских ожиданий жирафов');
    expect(results.map((r) => r.path)).toContain('/nd/pt-035/');
    const dropped = page.locator('[data-dropped]');
    await dropped.waitFor({ state: 'visible' });
    expect(await dropped.textContent()).toBe('Слова «жирафов» нет ни на одной странице; показаны страницы с остальными словами запроса.');
    const [note, first] = await Promise.all([dropped.boundingBox(), page.locator('li.nd-result').first().boundingBox()]);
    expect(note!.y).toBeLessThan(first!.y);
  });

  it('hides the notes again for a query that matches', async () => {
    await search.search('политика качества');
    expect(await page.locator('[data-partial]').isHidden()).toBe(true);
    expect(await page.locator('[data-dropped]').isHidden()).toBe(true);
  });
});

describe('in Russian', () => {
  it('every label of the search UI, the filter counts included', async () => {
    await search.open('аудит');
    const dropdown = page.locator('pagefind-filter-dropdown[filter="тип"]');
    await dropdown.locator('[role=combobox]').click();
    await dropdown.locator('[role=option]').first().waitFor();
    const options = await dropdown.locator('[role=option]').evaluateAll((os) => os.map((o) => o.getAttribute('aria-label') ?? ''));
    expect(options.length).toBeGreaterThan(1);
    for (const label of options) expect(label).toMatch(/^[^,]+: \d+ результат(а|ов)?$/);
    await dropdown.locator('[role=option]').first().click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() =>
      /выбран/.test(document.querySelector('pagefind-filter-dropdown[filter="тип"] .pf-dropdown-trigger')?.getAttribute('aria-label') ?? ''),
    );
    const ui = await page.evaluate(() => {
      const root = document.querySelector('[data-search-page]')!;
      const texts = [...root.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) => [
        e.getAttribute('aria-label') ?? '',
        e.getAttribute('placeholder') ?? '',
        e.getAttribute('title') ?? '',
      ]);
      const chrome = [...root.querySelectorAll('pagefind-summary, pagefind-input, pagefind-filter-dropdown, .pf-dropdown-trigger')].map(
        (e) => e.textContent ?? '',
      );
      return [...texts, ...chrome].filter(Boolean);
    });
    expect(ui.length).toBeGreaterThan(5);
    for (const text of ui) expect(text).not.toMatch(/\b(results?|filters?|selected|loading|search|clear|no)\b/i);
  });
});

describe('filters in the address', () => {
  it('a shared link with a filter reopens the same filtered results', async () => {
    await search.open('аудит');
    const all = await search.results();
    await search.selectFilter('тип', 'Приложение');
    const filtered = await search.results();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    const shared = page.url();
    expect(new URL(shared).searchParams.getAll('type')).toEqual(['Приложение']);

    const other = await site.browser.newPage({ viewport: { width: 1280, height: 6000 } });
    const reopened = new SearchPage(other, site.base);
    await other.goto(shared);
    await reopened.attach('аудит');
    expect((await reopened.results()).map((r) => r.path)).toEqual(filtered.map((r) => r.path));
    await other.close();
  });
});

describe('excerpts read as text', () => {
  // A fresh page: no filter left over from the shared-link test.
  beforeAll(async () => search.open());

  it.each(['пт 035', 'ПТ035', 'PT-035', 'пт-035 приложение 2', 'самообслуживание', 'customer experience', 'ISO 19011', 'ИСО 9001', 'QMS'])(
    'never show the hidden spellings and synonyms (%s)',
    async (query) => {
      await search.search(query);
      const shown = await excerpts();
      expect(shown.length).toBeGreaterThan(0);
      for (const text of shown)
        expect(text).not.toMatch(/\||ПТ035|PT035|PT 035|PT-035|ПТ 035|ISO19011|ИСО19011|ISO9001|ИСО9001|самостоятельное обслуживание|customer experience/);
    },
  );

  it('separate glossary entries and table cells', async () => {
    await search.search('СМК');
    for (const text of await excerpts()) expect(text).not.toMatch(/СМКСистема|АудиторДолжность/);
  });
});

describe('an empty search page', () => {
  it('suggests the recently changed documents and the codes', async () => {
    await page.goto(`${site.base}/search/`);
    const suggestions = page.locator('[data-suggestions]');
    expect(await suggestions.isVisible()).toBe(true);
    expect(await suggestions.textContent()).toContain('Недавно изменённые документы');
    expect(await suggestions.locator('a', { hasText: 'ПТ-035' }).count()).toBeGreaterThan(0);
  });
});
