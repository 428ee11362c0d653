import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.ts';
import { docxFixture } from './docx-fixture.ts';
import { importInto, tempFile } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function printPdf(html: string, header = true): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return await page.pdf({
      format: 'A4',
      displayHeaderFooter: header,
      headerTemplate: '<div style="font-size:9px;width:100%;text-align:center">Положение «Порядок аудитов» ПЛ-012 — Для неограниченного доступа</div>',
      footerTemplate:
        '<div style="font-size:9px;width:100%;text-align:center">Страница <span class="pageNumber"></span> из <span class="totalPages"></span></div>',
      margin: { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' },
    });
  } finally {
    await page.close();
  }
}

const LONG = Array.from({ length: 40 }, (_, i) => `Аудитор проверяет выполнение требования номер ${i + 1} и записывает свидетельства в отчёт.`).join(' ');

describe('PDF printed by Chromium', () => {
  it('drops running headers, footers and page numbers, keeps the long paragraph whole', async () => {
    const html = `<html><body style="font:14px sans-serif">
<h1 style="font-size:22px">Положение «Порядок аудитов» ПЛ-012</h1>
<table style="width:100%"><tr><td><b>Ответственный за применение НД</b></td><td style="padding-left:60px">Департамент качества и клиентского опыта</td></tr>
<tr><td><b>Ответственный за разработку НД</b></td><td style="padding-left:60px">Департамент качества и клиентского опыта</td></tr>
<tr><td><b>Цель документа</b></td><td style="padding-left:60px">Установить порядок аудитов</td></tr>
<tr><td><b>Краткое описание документа</b></td><td style="padding-left:60px">Порядок внутренних аудитов</td></tr>
<tr><td><b>Ограничение доступа</b></td><td style="padding-left:60px">нет</td></tr></table>
<h2 style="font-size:18px">ОТВЕТСТВЕННОСТЬ И ОБЛАСТЬ ПРИМЕНЕНИЯ</h2><p>Наименование подразделения/должности/роли</p><p>Все сотрудники ПАО «МТС»</p>
<h2 style="font-size:18px">1. ОБЩИЕ ПОЛОЖЕНИЯ</h2>
<p>${LONG}</p><p>${LONG}</p><p>${LONG}</p><p>${LONG}</p>
<p>Последний абзац документа.</p></body></html>`;
    const input = await tempFile('pl-012.pdf', await printPdf(html));
    const result = await importInto([input]);
    const file = result.files[0]!;
    expect(file.error).toBeUndefined();
    expect(file.code).toBe('ПЛ-012');
    const mdx = readFileSync(path.join(result.root, file.written[0]!), 'utf8');
    expect(mdx).not.toContain('Страница 1 из');
    expect(mdx).not.toContain('— Для неограниченного доступа');
    const text = mdx.replace(/\s+/g, ' ');
    for (let i = 1; i <= 40; i++) expect(text).toContain(`требования номер ${i} и записывает свидетельства в отчёт.`);
    expect(text).toContain('Последний абзац документа.');
    expect(file.dropped.some((d) => /колонтитул|номер страницы/.test(d.reason) && /^с\. \d+, строка \d+$/.test(d.where))).toBe(true);
    // The passport table comes back by its column positions: every field, so the checker finds nothing.
    expect(mdx).toContain('goals:\n    - Установить порядок аудитов');
    expect(mdx).toContain('summary: Порядок внутренних аудитов');
    expect(file.check).toEqual([]);
    expect([...file.guessed.map((g) => g.reason), ...file.schemaIssues]).toEqual([]);
    expect(file.status).toBe('imported');
  });
});

describe('clauses numbered «1.1.», «1.2.» on short lines', () => {
  it('each starts a paragraph of its own; a line that cites a clause («согласно п.») goes on its paragraph', async () => {
    // No line reaches the right margin, so the margin the grouping measures is the longest line's, the first
    // clause's: the next clause would join it as if it had wrapped. The second clause ends as long (a
    // monospaced font), so the line that follows it is a wrapped line by the margin, and it cites a clause.
    const html = `<html><body style="font:14px monospace">
<p style="margin:0">1.1. Положение действует во всех подразделениях компании МТС.</p>
<p style="margin:0">1.2. Руководители обеспечивают исполнение его норм согласно п.</p>
<p style="margin:0">1.1. настоящего положения.</p>
<p style="margin:0">1.3. Владелец отвечает за результат.</p></body></html>`;
    const input = await tempFile('pl-014.pdf', await printPdf(html, false));
    const result = await importInto([input], { code: 'ПЛ-014', version: '1.0' });
    const file = result.files[0]!;
    expect(file.error).toBeUndefined();
    const body = readFileSync(path.join(result.root, file.written[0]!), 'utf8').split(/^---$/m)[2]!.trim().split(/\n+/);
    expect(body).toEqual([
      '1\\.1. Положение действует во всех подразделениях компании МТС.',
      '1\\.2. Руководители обеспечивают исполнение его норм согласно п. 1.1. настоящего положения.',
      '1\\.3. Владелец отвечает за результат.',
    ]);
  });
});

describe('bad inputs: each reported, the batch goes on', () => {
  it('encrypted and corrupt DOCX, scanned and blank PDF, empty file, unknown format', async () => {
    const scanned = await printPdf(
      `<html><body><canvas id="c" width="600" height="200"></canvas><script>
      const c = document.getElementById('c').getContext('2d'); c.font = '30px sans-serif'; c.fillText('Скан документа ПЛ-013', 10, 100);
    </script></body></html>`,
      false,
    );
    const inputs = [
      await tempFile('encrypted.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])),
      await tempFile('corrupt.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('не архив')])),
      await tempFile('scan.pdf', scanned),
      await tempFile('blank.pdf', await printPdf('<html><body></body></html>', false)),
      await tempFile('empty.txt', ''),
      await tempFile('table.xlsb', 'что-то'),
      await tempFile('ok.docx', await docxFixture({ code: 'РГ-102', title: 'Хороший документ', longRows: 3 })),
    ];
    const result = await importInto(inputs, { dryRun: true });
    const byName = Object.fromEntries(result.files.map((f) => [path.basename(f.input), f]));
    expect(byName['encrypted.docx']?.error).toMatch(/зашифрован паролем/);
    expect(byName['corrupt.docx']?.error).toMatch(/повреждён/);
    expect(byName['scan.pdf']?.error).toMatch(/нет текстового слоя.*OCR/);
    // A blank page printed is not a scan: OCR would find nothing.
    expect(byName['blank.pdf']?.error).toBe('в PDF нет ни текста, ни изображений (страниц: 1): документ пуст — проверьте, тот ли это файл');
    expect(byName['empty.txt']?.error).toBe('файл пуст');
    expect(byName['table.xlsb']?.error).toMatch(/неизвестный формат «\.xlsb»/);
    expect(byName['ok.docx']?.status).toBe('imported');
    expect(result.summary).toEqual({ imported: 1, findings: 0, failed: 6 });
  });
});

describe('a web archive (.mht) saved by a browser', () => {
  it('is read as the page it holds, its Cyrillic decoded as its headers say', async () => {
    const page = await browser.newPage();
    let mhtml: string;
    try {
      await page.setContent(
        '<html><head><meta charset="utf-8"><title>Учёт</title></head><body><h1>РК-374 Руководство «Учёт архивов»</h1><p>Архив хранится в отделе документационного обеспечения пять лет.</p></body></html>',
      );
      const cdp = await page.context().newCDPSession(page);
      mhtml = ((await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string }).data;
    } finally {
      await page.close();
    }
    const input = await tempFile('РК-374 архив.mht', mhtml);
    const result = await importInto([input], { version: '1.0' });
    const file = result.files[0]!;
    expect([file.error, file.code, file.title]).toEqual([undefined, 'РК-374', 'Учёт архивов']);
    expect(readFileSync(path.join(result.root, file.written[0]!), 'utf8')).toContain('Архив хранится в отделе документационного обеспечения пять лет.');
  });
});

describe('a PDF with bytes before its header', () => {
  it('is read, as PDF readers read it (a byte order mark, a printer’s job ticket within the first 1024 bytes)', async () => {
    const pdf = await printPdf('<html><body><h1>Положение «Порядок аудитов»</h1><p>Аудит проводится ежегодно.</p></body></html>', false);
    const inputs = [
      await tempFile('pl-015.pdf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), pdf])),
      await tempFile('pl-016.pdf', Buffer.concat([Buffer.from('\u001b%-12345X@PJL JOB NAME="ПЛ-016"\r\n@PJL ENTER LANGUAGE=PDF\r\n', 'latin1'), pdf])),
    ];
    const result = await importInto(inputs);
    expect(result.files.map((f) => [f.error, f.code])).toEqual([
      [undefined, 'ПЛ-015'],
      [undefined, 'ПЛ-016'],
    ]);
    for (const file of result.files) expect(readFileSync(path.join(result.root, file.written[0]!), 'utf8')).toContain('Аудит проводится ежегодно.');
  });
});

describe('a short PDF with a picture between its lines', () => {
  it('keeps its first and last lines: mid-page, far from the picture, they are not a page head and foot', async () => {
    const html = `<html><body style="font:14px sans-serif"><p>Схема согласования приведена ниже.</p>
<div style="height:300px;background:#ccc"></div><p>Схему утверждает директор по качеству.</p></body></html>`;
    const input = await tempFile('pl-017.pdf', await printPdf(html, false));
    const result = await importInto([input], { version: '1.0' });
    const file = result.files[0]!;
    expect(file.error).toBeUndefined();
    const mdx = readFileSync(path.join(result.root, file.written[0]!), 'utf8');
    expect(mdx).toContain('Схема согласования приведена ниже.');
    expect(mdx).toContain('Схему утверждает директор по качеству.');
    expect(file.dropped.filter((d) => d.reason.startsWith('колонтитул'))).toEqual([]);
  });
});

describe('a long table printed over several pages', () => {
  it('keeps every row, and its header once: rows alike but for their numbers, and the header the printer repeats, are no running heads', async () => {
    const rows = Array.from(
      { length: 70 },
      (_, i) => `<tr><td>${i + 1}</td><td>Аудитор проверяет требование номер ${i + 1}</td><td>Отдел ${i % 5}</td></tr>`,
    ).join('');
    const html = `<html><body style="font:14px sans-serif"><h1>Положение «Порядок аудитов»</h1><p>Перечень проверок приведён в таблице.</p>
<table border="1" style="border-collapse:collapse;width:100%"><thead><tr><th>№</th><th>Проверка</th><th>Подразделение</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
    const input = await tempFile('pl-020.pdf', await printPdf(html, false));
    const result = await importInto([input], { version: '1.0' });
    const file = result.files[0]!;
    expect(file.error).toBeUndefined();
    const mdx = readFileSync(path.join(result.root, file.written[0]!), 'utf8');
    for (let i = 1; i <= 70; i++) expect(mdx).toContain(`Аудитор проверяет требование номер ${i} `);
    expect(mdx.match(/Проверка \| Подразделение/g)).toHaveLength(1);
    expect(file.dropped.filter((d) => d.reason.startsWith('колонтитул')).map((d) => d.text.replace(/\t/g, ' '))).toEqual(
      expect.arrayContaining(['№ Проверка Подразделение']),
    );
  });
});
