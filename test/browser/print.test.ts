/**
 * A printout is a controlled record: the real content printed to PDF in Chromium, the PDF's text read
 * back page by page with unpdf. Every heading is on paper and not under the running head; every page
 * carries the head (code, edition, access, «стр. N из M») and the uncontrolled-copy line with the day
 * of printing (written by the page's `beforeprint` script, not the build date).
 */
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../helpers/shared-build.ts';
import { openBuiltSite, type BuiltSite } from './built-site.ts';

/** The browser's clock on the day of printing, a week after the build. */
const PRINT_DAY = new Date('2026-12-09T10:00:00');
/** @page margin (src/lib/print.ts): 2 cm top and bottom, in PDF points. */
const MARGIN = (2 / 2.54) * 72;

let site: BuiltSite;
let page: Page;

beforeAll(async () => {
  // Built on 2026-12-02 (BUILDS.internal), a week before the day of printing.
  site = await openBuiltSite();
  page = await site.browser.newPage();
  await page.clock.setFixedTime(PRINT_DAY);
  // page.pdf() prints with the emulated media; printing is print.
  await page.emulateMedia({ media: 'print' });
});
afterAll(async () => site?.close());

interface PrintedPage {
  text: string;
  head: string;
  body: string;
  foot: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Prints a page as a person does (Ctrl+P → PDF) and reads each sheet: the head margin, the body, the foot margin. */
async function print(path: string): Promise<{ pages: PrintedPage[]; headings: string[] }> {
  await page.goto(`${site.base}${path}`);
  const headings = await page.$$eval('main :is(h1, h2, h3, h4)', (els) =>
    els.filter((h) => h.checkVisibility()).map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const pages: PrintedPage[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const sheet = await doc.getPage(n);
    const height = sheet.getViewport({ scale: 1 }).height;
    const zones = { head: [] as string[], body: [] as string[], foot: [] as string[] };
    for (const item of (await sheet.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const y = item.transform[5] as number;
      (y > height - MARGIN ? zones.head : y < MARGIN ? zones.foot : zones.body).push(item.str);
    }
    pages.push({ head: squash(zones.head.join(' ')), body: squash(zones.body.join(' ')), foot: squash(zones.foot.join(' ')), text: '' });
  }
  const { text } = await extractText(doc, { mergePages: false });
  text.forEach((t, i) => (pages[i]!.text = squash(t)));
  return { pages, headings };
}

describe.each([
  ['/nd/pt-035/', 'ПТ-035 · редакция 1.0 ·', '/nd/pt-035/'],
  ['/nd/pt-035/1.0/', 'ПТ-035 · редакция 1.0 ·', '/nd/pt-035/'],
  ['/nd/pt-035/appendices/1/', 'ПТ-035, приложение 1 · редакция 1.0 ·', '/nd/pt-035/appendices/1/'],
])('printing %s', (path, head, current) => {
  let printed: Awaited<ReturnType<typeof print>>;
  beforeAll(async () => {
    printed = await print(path);
  });

  it('gives more than one sheet, each with the running head and «стр. N из M» in the top margin', () => {
    const { pages } = printed;
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p.head).toContain(head);
      expect(p.head).toContain(`стр. ${i + 1} из ${pages.length}`);
    });
  });

  it('says on every sheet that it is an uncontrolled copy, printed today, and where the edition in force is', () => {
    const line = `Неконтролируемая копия. Напечатано 09.12.2026; действующая редакция — ${SITE}${current}`;
    for (const p of printed.pages) expect(p.foot.replace(/- /g, '-').replace(/\/ /g, '/')).toContain(line);
  });

  it('keeps every heading of the page, in the body of a sheet (never under the head or foot)', () => {
    const body = printed.pages.map((p) => p.body).join(' ');
    expect(printed.headings.length).toBeGreaterThan(0);
    for (const heading of printed.headings) expect(body).toContain(heading);
  });

  it('prints no navigation, search field or contents', () => {
    const all = printed.pages.map((p) => p.text).join(' ');
    expect(all).not.toContain('Реестр НД');
    expect(all).not.toContain('Поиск: код');
    expect(all).not.toContain('История редакций');
    expect(all).not.toMatch(/Содержание\s+1\. Информация о документе/);
  });
});

it('the policy on paper has «2. Ответственность…» and «3. Нормативные ссылки»', async () => {
  const { pages } = await print('/nd/pt-035/');
  const body = pages.map((p) => p.body).join(' ');
  expect(body).toContain('2. Ответственность и область применения');
  expect(body).toContain('3. Нормативные ссылки');
});

it('the QMS map prints all five columns, on landscape sheets', async () => {
  await page.goto(`${site.base}/nd/pt-035/appendices/1/`);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const sizes = await Promise.all(Array.from({ length: doc.numPages }, async (_, i) => (await doc.getPage(i + 1)).getViewport({ scale: 1 })));
  expect(sizes.some((v) => v.width > v.height)).toBe(true);
  const { text } = await extractText(doc, { mergePages: true });
  for (const column of ['Процессы', 'Владелец', 'Документы', 'Записи']) expect(text).toContain(column);
});

it('prints the address of an external link after its text', async () => {
  await page.goto(`${site.base}/nd/pt-035/appendices/2/`);
  // The real texts link outside only from parts that are not printed: add a link as a text would have it.
  await page.evaluate(() => document.querySelector('main article')?.insertAdjacentHTML('afterbegin', '<p><a href="https://iso.example/9001">Сайт ISO</a></p>'));
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(squash(text)).toContain('Сайт ISO (https://iso.example/9001)');
});
