import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { registryAsOf, type AsOfDocument } from '../../src/model/as-of.ts';
import { registryExport } from '../../src/schemas/registry-export.ts';
import { launchChromium } from '../browser/search-page.ts';
import type { BuildResult } from '../helpers/build-site.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { decodeEntities, hrefs, pageText } from '../helpers/html.ts';

/**
 * One fixture site built once, at a fixed date: the real content plus ПР-901 with three editions
 * (1.0 past, 2.0 in force, 3.0 future), ПР-902 cancelled and replaced by ПР-901, and ПР-903 above
 * the audience (confidential), which must not appear anywhere.
 */
const BUILD_DATE = '2025-03-01';
let build: BuildResult;
const page = (rel: string) => readFile(path.join(build.outDir, rel), 'utf8');
const article = (html: string) => /<article\b[^>]*>/.exec(html)?.[0] ?? '';
const banner = (html: string, kind: string) => pageText(new RegExp(`<p [^>]*data-banner="${kind}"[^>]*>[\\s\\S]*?</p>`).exec(html)?.[0] ?? '');

beforeAll(async () => {
  build = await sharedBuild('editions', { date: BUILD_DATE });
});

describe('the build', () => {
  it('succeeds with a clean log', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).not.toMatch(/warn|предупрежд|ошибк/i);
  });
});

describe('addresses', () => {
  it('/nd/<код>/ shows the edition in force, indexed for search', async () => {
    const html = await page('nd/pr-901/index.html');
    expect(pageText(html)).toContain('Редакция 2.0, введена в действие 1 июня 2024 г.');
    expect(article(html)).toContain('data-pagefind-body');
    expect(html).not.toContain('name="robots"');
  });
  it('/nd/<код>/<редакция>/ pins every edition; the current one points search engines to the document', async () => {
    for (const version of ['1.0', '2.0', '3.0']) expect(existsSync(path.join(build.outDir, `nd/pr-901/${version}/index.html`))).toBe(true);
    const current = await page('nd/pr-901/2.0/index.html');
    expect(current).toContain('<link rel="canonical" href="http://localhost:4321/nd/pr-901/">');
    expect(article(current)).not.toContain('data-pagefind-body');
    expect(article(current)).not.toContain('data-nd-archived');
  });
  it('non-current editions carry noindex, are out of default search and marked archived', async () => {
    for (const rel of ['nd/pr-901/1.0/index.html', 'nd/pr-901/3.0/index.html', 'nd/pr-902/1.0/index.html']) {
      const html = await page(rel);
      expect(html, rel).toContain('<meta name="robots" content="noindex">');
      expect(article(html), rel).not.toContain('data-pagefind-body');
      expect(article(html), rel).toContain('data-nd-archived');
    }
  });
  it('a document above the audience has no page', () => {
    expect(existsSync(path.join(build.outDir, 'nd/pr-903'))).toBe(false);
  });
});

describe('banners', () => {
  it('an earlier edition: «Недействующая редакция», since when, and a link to the current one', async () => {
    const html = await page('nd/pr-901/1.0/index.html');
    expect(banner(html, 'superseded')).toBe('Недействующая редакция. Не действует с 1 июня 2024 г. Действующая редакция — редакция 2.0 с 1 июня 2024 г.');
    expect(/<p [^>]*data-banner="superseded"[\s\S]*?<\/p>/.exec(html)?.[0]).toContain('href="/nd/pr-901/"');
  });
  it('a future edition: «Вступает в силу <date>»', async () => {
    expect(banner(await page('nd/pr-901/3.0/index.html'), 'future')).toBe('Вступает в силу 1 июля 2025 г. До этого действует редакция 2.0.');
  });
  it("a future edition's header speaks in the future tense: «вступает в силу», not «введена в действие»", async () => {
    const text = pageText(await page('nd/pr-901/3.0/index.html'));
    expect(text).toContain('Редакция 3.0, вступает в силу 1 июля 2025 г.');
    expect(text).not.toMatch(/Редакция 3\.0, введена в действие/);
  });

  it('the current edition announces the next one', async () => {
    expect(banner(await page('nd/pr-901/index.html'), 'current')).toBe(
      'Действующая редакция: действует с 1 июня 2024 г. С 1 июля 2025 г. вступает в силу редакция 3.0.',
    );
  });
  it('a cancelled document says so and names its replacement', async () => {
    const html = await page('nd/pr-902/index.html');
    expect(banner(html, 'cancelled')).toBe(
      'Документ отменён с 1 июня 2024 г. Основание: Приказ № 2 (пример). Заменён документом ПР-901 «Порядок управления документированной информацией».',
    );
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});

describe('history table', () => {
  it('links every edition and the diff of each edition that has a previous one', async () => {
    const links = hrefs(await page('nd/pr-901/index.html'));
    expect(links).toEqual(
      expect.arrayContaining(['/nd/pr-901/1.0/', '/nd/pr-901/2.0/', '/nd/pr-901/3.0/', '/nd/pr-901/2.0/changes/', '/nd/pr-901/3.0/changes/']),
    );
    expect(links).not.toContain('/nd/pr-901/1.0/changes/');
    expect(existsSync(path.join(build.outDir, 'nd/pr-901/1.0/changes'))).toBe(false);
  });
});

describe('diff pages', () => {
  it('2.0 against 1.0: words inserted and deleted within their sections', async () => {
    const html = await page('nd/pr-901/2.0/changes/index.html');
    const section = (title: string) => new RegExp(`<section [^>]*>\\s*<h3[^>]*>${title}[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    expect(section('1. Общие положения')).toMatch(/<del[^>]*>ежегодно<\/del><ins[^>]*>раз в полгода<\/ins>/);
    expect(section('2. Хранение документов')).toMatch(/<del[^>]*>бумажном<\/del><ins[^>]*>электронном<\/ins>/);
    expect(section('2. Хранение документов')).toMatch(/<del[^>]*> Формы записей приведены в ПР-902.<\/del>/);
    expect(section('3. Ответственность')).toMatch(/data-change="added"/);
    expect(section('3. Устаревший раздел')).toMatch(/<del[^>]*>Этот раздел исключён во второй редакции.<\/del>/);
  });
  it('lists the changed sections at the top and the passport changes', async () => {
    const html = await page('nd/pr-901/2.0/changes/index.html');
    const list = /<ul data-changed-sections[^>]*>[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    expect([...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => pageText(m[1] ?? ''))).toEqual([
      '1. Общие положения — изменён',
      '2. Хранение документов — изменён',
      '3. Ответственность — добавлен',
      '3. Устаревший раздел — удалён',
    ]);
    expect(html).toMatch(/<tr data-field="Краткое описание документа"[^>]*>[\s\S]*?хранение <ins[^>]*>и пересмотр <\/ins>документов/);
  });
  it('3.0 against 2.0: a renumbered section stays one section, the new title is a passport change', async () => {
    const html = await page('nd/pr-901/3.0/changes/index.html');
    expect(html).toMatch(/<del[^>]*>3<\/del><ins[^>]*>4<\/ins>\. Ответственность/);
    expect(html).toMatch(/<tr data-field="Наименование"[^>]*>[\s\S]*?информацией <ins[^>]*>СМК<\/ins>/);
    expect(pageText(html)).toContain('Изменения по данным редакции: Добавлен раздел о доступе к документам через портал «R&D <архив>».');
    expect(html).toContain('R&amp;D &lt;архив&gt;');
  });
});

describe('«На дату»', () => {
  const rowsOf = (html: string) =>
    [...html.matchAll(/<tr data-code="([^"]*)" data-editions="([^"]*)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => ({
      code: m[1] ?? '',
      editions: JSON.parse(decodeEntities(m[2] ?? '')) as AsOfDocument['editions'][number]['data'][],
      cells: [...(m[3] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => pageText(c[1] ?? '')),
    }));

  it('without JavaScript: the registry at the build date and every edition period', async () => {
    const rows = rowsOf(await page('nd/as-of/index.html'));
    expect(rows.map((r) => r.code)).not.toContain('ПР-903');
    const byCode = new Map(rows.map((r) => [r.code, r.cells]));
    expect(byCode.get('ПР-901')).toEqual([
      'ПР-901',
      'Порядок управления документированной информацией',
      '2.0',
      'В действии',
      '10 февраля 2027 г.',
      '1.0: с 1 января 2023 г. до 1 июня 2024 г. 2.0: с 1 июня 2024 г. до 1 июля 2025 г. 3.0: с 1 июля 2025 г.',
    ]);
    expect(byCode.get('ПР-902')).toEqual([
      'ПР-902',
      'Порядок ведения записей',
      '—',
      'Отменён, заменён ПР-901',
      '—',
      '1.0: с 1 февраля 2020 г. до 1 июня 2024 г. (документ отменён)',
    ]);
  });

  it('the embedded data answers for any date with the same function', async () => {
    const documents = rowsOf(await page('nd/as-of/index.html')).map((r) => ({ code: r.code, editions: r.editions.map((data) => ({ data })) }));
    const at = (date: string) =>
      Object.fromEntries(
        registryAsOf(documents, date)
          .filter((r) => r.code.startsWith('ПР-90'))
          .map((r) => [r.code, `${r.state} ${r.version ?? '—'}`]),
      );
    expect(at('2023-06-01')).toEqual({ 'ПР-901': 'current 1.0', 'ПР-902': 'current 1.0' });
    expect(at('2024-12-01')).toEqual({ 'ПР-901': 'current 2.0', 'ПР-902': 'cancelled —' });
    expect(at('2025-08-01')).toEqual({ 'ПР-901': 'current 3.0', 'ПР-902': 'cancelled —' });
  });

  it('in a browser, ?date= shows the registry on that date', async () => {
    const server = await startServer(build.outDir, 0);
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const cells = async (query: string) => {
        await tab.goto(`${base}/nd/as-of/${query}`);
        await tab.locator('#as-of-caption').filter({ hasText: 'в действии документов' }).waitFor();
        return tab.locator('tr[data-code="ПР-901"] td').allInnerTexts();
      };
      expect((await cells('?date=2023-06-01')).slice(1, 4)).toEqual(['Порядок управления документированной информацией', '1.0', 'В действии']);
      expect(await tab.locator('#as-of-caption').innerText()).toContain('Реестр на 1 июня 2023 г.');
      expect((await cells('?date=2025-08-01')).slice(1, 4)).toEqual(['Порядок управления документированной информацией СМК', '3.0', 'В действии']);
      expect((await cells('?date=2022-06-01')).slice(1, 4)).toEqual(['Порядок управления документированной информацией', '—', 'Ещё не введён в действие']);
      await cells('?date=2025-02-30');
      expect(await tab.locator('#as-of-error').innerText()).toContain('Дата «2025-02-30» не распознана');
    } finally {
      await browser.close();
      server.close();
    }
  });
});

describe('feed and export', () => {
  it('/feed.xml: new and changed editions newest first, linked to their diffs, escaped, dated from the data', async () => {
    const xml = await page('feed.xml');
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => {
      const tag = (name: string) => decodeEntities(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(m[1] ?? '')?.[1] ?? '');
      return { id: tag('id'), updated: tag('updated'), link: /<link rel="alternate"[^>]*href="([^"]*)"/.exec(m[1] ?? '')?.[1], summary: tag('summary') };
    });
    const ours = entries.filter((e) => /pr-90/.test(String(e.id)));
    expect(ours.map((e) => [e.id, e.updated, e.link])).toEqual([
      ['http://localhost:4321/nd/pr-901/3.0/', '2025-02-10T00:00:00Z', 'http://localhost:4321/nd/pr-901/3.0/changes/'],
      ['http://localhost:4321/nd/pr-902/#cancelled-2024-06-01', '2024-06-01T00:00:00Z', 'http://localhost:4321/nd/pr-902/'],
      ['http://localhost:4321/nd/pr-901/2.0/', '2024-05-20T00:00:00Z', 'http://localhost:4321/nd/pr-901/2.0/changes/'],
      ['http://localhost:4321/nd/pr-901/1.0/', '2022-12-15T00:00:00Z', 'http://localhost:4321/nd/pr-901/1.0/'],
      ['http://localhost:4321/nd/pr-902/1.0/', '2020-01-10T00:00:00Z', 'http://localhost:4321/nd/pr-902/1.0/'],
    ]);
    const dates = entries.map((e) => String(e.updated));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(/<feed[\s\S]*?<updated>([^<]*)<\/updated>/.exec(xml)?.[1]).toBe('2025-02-10T00:00:00Z');
    expect(xml).toContain('«R&amp;D &lt;архив&gt;»');
    expect(xml).not.toMatch(/ПР-903|pr-903|закрыт/i);
  });

  it('/registry.json: every published document and edition with its state at the build date', async () => {
    const data = registryExport.parse(JSON.parse(await page('registry.json')));
    expect(data.date).toBe(BUILD_DATE);
    expect(data.documents.map((d) => d.code)).not.toContain('ПР-903');
    const pr901 = data.documents.find((d) => d.code === 'ПР-901');
    expect(pr901).toMatchObject({ state: 'current', inForce: '2.0', url: 'http://localhost:4321/nd/pr-901/', cancelled: null });
    expect(pr901?.editions.map((e) => [e.version, e.state, e.until, e.changesUrl])).toEqual([
      ['1.0', 'superseded', '2024-06-01', null],
      ['2.0', 'current', null, 'http://localhost:4321/nd/pr-901/2.0/changes/'],
      ['3.0', 'future', null, 'http://localhost:4321/nd/pr-901/3.0/changes/'],
    ]);
    expect(data.documents.find((d) => d.code === 'ПР-902')).toMatchObject({
      state: 'cancelled',
      inForce: null,
      cancelled: { date: '2024-06-01', replacedBy: 'ПР-901' },
    });
    expect(data.documents.find((d) => d.code === 'ПТ-035')?.editions[0]).toMatchObject({ version: '1.0', state: 'current', sample: true });
  });
});

describe('without Git history', () => {
  it('the edition page says the file history is unavailable, and the build does not fail', async () => {
    const html = await page('nd/pr-901/index.html');
    expect(pageText(/<section[^>]*data-file-history[\s\S]*?<\/section>/.exec(html)?.[0] ?? '')).toBe(
      'История изменений файла История изменений недоступна: портал собран без истории Git.',
    );
  });
});
