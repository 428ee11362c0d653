/**
 * Objects of a Word document that mammoth drops without a word: equations, text boxes drawn without a
 * VML copy, charts and diagrams, elements it does not know; and clause numbers («1.2.») a Markdown list
 * cannot show. Equations and numbering come from pandoc (TeX) and from LibreOffice (its formula objects
 * and list styles, saved as DOCX), tools this project did not write.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import htmlDocx from 'html-docx-js';
import { linearMath } from '../../src/import/docx-objects.ts';
import { docxFixture } from './docx-fixture.ts';
import { importInto, normalise, tempFile } from './helpers.ts';
import { windows1251 } from '../helpers/windows-1251.ts';

const r = (text: string) => `<m:r><w:rPr><w:rFonts w:ascii="Cambria Math"/></w:rPr><m:t>${text}</m:t></m:r>`;
const math = (xml: string) => linearMath(`<m:oMath>${xml}</m:oMath>`);

describe('linearMath: an equation in linear form', () => {
  it.each([
    ['a fraction, brackets round a part of more than one symbol', `<m:f><m:num>${r('a+b')}</m:num><m:den>${r('2')}</m:den></m:f>`, '(a+b)/2'],
    ['index and power', `<m:sSubSup><m:e>${r('x')}</m:e><m:sub>${r('i')}</m:sub><m:sup>${r('2')}</m:sup></m:sSubSup>`, 'x_i^2'],
    [
      'a sum with its limits',
      `<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub>${r('i=1')}</m:sub><m:sup>${r('n')}</m:sup><m:e>${r('x')}</m:e></m:nary>`,
      '∑_(i=1)^n x',
    ],
    ['an integral (no character given)', `<m:nary><m:sub/><m:sup/><m:e>${r('f')}</m:e></m:nary>`, '∫ f'],
    ['a cube root', `<m:rad><m:deg>${r('3')}</m:deg><m:e>${r('y')}</m:e></m:rad>`, '∛y'],
    ['a square root with its degree hidden', `<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>${r('x+1')}</m:e></m:rad>`, '√(x+1)'],
    [
      'brackets of its own, parts apart',
      `<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr><m:e>${r('a')}</m:e><m:e>${r('b')}</m:e></m:d>`,
      '[a|b]',
    ],
    ['a matrix', `<m:m><m:mr><m:e>${r('1')}</m:e><m:e>${r('0')}</m:e></m:mr><m:mr><m:e>${r('0')}</m:e><m:e>${r('1')}</m:e></m:mr></m:m>`, '[1 0; 0 1]'],
    ['a bar over a letter', `<m:bar><m:e>${r('t')}</m:e></m:bar>`, 't\u0305'],
    ['a limit', `<m:func><m:fName><m:limLow><m:e>${r('lim')}</m:e><m:lim>${r('n→∞')}</m:lim></m:limLow></m:fName><m:e>${r('a')}</m:e></m:func>`, 'lim_(n→∞) a'],
    ['an element it does not know keeps its text; entities decoded', `<m:box><m:e>${r('a&lt;b')}</m:e></m:box>`, 'a<b'],
  ])('%s', (_name, xml, expected) => {
    expect(math(xml)).toBe(expected);
  });
});

/** The MDX of the one imported file, and what the report says was changed. */
async function imported(file: string, options: { code?: string } = {}) {
  const result = await importInto([file], { code: options.code, version: '1.0' });
  const entry = result.files[0]!;
  expect(entry.error).toBeUndefined();
  return { text: normalise(readFileSync(path.join(result.root, entry.written[0]!), 'utf8')), dropped: entry.dropped };
}
const formulas = (dropped: Array<{ text: string; reason: string }>) => dropped.filter((d) => /^формула Word/.test(d.reason)).map((d) => d.text);

describe('equations written by pandoc (TeX → Office Math)', () => {
  it('stay in their sentence as linear text, each named in the report', async () => {
    const source = await tempFile(
      'kpi.md',
      '# Показатели\n\nИндекс $K = \\frac{N_1}{N}$, где $N$ — число ответов.\n\n$$\\bar{t} = \\frac{1}{n}\\sum_{i=1}^{n} t_i$$\n',
    );
    const docx = source.replace(/\.md$/, '.docx');
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', docx, source]);
    const { text, dropped } = await imported(docx, { code: 'СТ-901' });
    expect(text).toContain('индекс k=(n_1)/n, где n — число ответов.');
    expect(text).toContain('t‾=1/n∑_(i=1)^n t_i');
    expect(formulas(dropped)).toEqual(['K=(N_1)/N', 'N', 't‾=1/n∑_(i=1)^n t_i']);
    expect(dropped.filter((d) => /не распознан/.test(d.reason))).toEqual([]);
  });
});

/** A LibreOffice document: a formula object, clauses numbered «1.», «1.1.», and a list with lettered items. */
const LIBREOFFICE_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:math="http://www.w3.org/1998/Math/MathML" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>${['Clauses', 'Letters']
  .map(
    (name) => `<text:list-style style:name="${name}">
<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
<text:list-level-style-number text:level="2" ${name === 'Clauses' ? 'style:num-suffix="." style:num-format="1" text:display-levels="2"' : 'style:num-suffix=")" style:num-format="a"'}/>
</text:list-style>`,
  )
  .join('')}</office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">Показатели</text:h>
<text:p>Индекс удовлетворённости <draw:frame draw:name="Формула1" text:anchor-type="as-char" svg:width="2cm" svg:height="1cm"><draw:object><math:math><math:semantics><math:mrow><math:mi>K</math:mi><math:mo>=</math:mo><math:mfrac><math:msub><math:mi>N</math:mi><math:mn>1</math:mn></math:msub><math:mi>N</math:mi></math:mfrac></math:mrow><math:annotation math:encoding="StarMath 5.0">K = {N_1} over N</math:annotation></math:semantics></math:math></draw:object></draw:frame>, где N — число ответов.</text:p>
${['Clauses', 'Letters']
  .map(
    (name) => `<text:list text:style-name="${name}">
<text:list-item><text:p>Общие положения ${name}</text:p><text:list><text:list-item><text:p>Действует везде ${name}.</text:p></text:list-item><text:list-item><text:p>Исполняют руководители ${name}.</text:p></text:list-item></text:list></text:list-item>
<text:list-item><text:p>Ответственность ${name}</text:p><text:list><text:list-item><text:p>Отвечает владелец ${name}.</text:p></text:list-item></text:list></text:list-item>
</text:list>`,
  )
  .join('<text:p>Между списками.</text:p>')}
<text:p>См. п. 1.2.</text:p>
</office:text></office:body></office:document>`;

describe('a document LibreOffice saved as DOCX', () => {
  let text: string;
  let dropped: Array<{ text: string; reason: string }>;
  beforeAll(async () => {
    const fodt = await tempFile('st-902.fodt', LIBREOFFICE_SOURCE);
    const dir = path.dirname(fodt);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, fodt], {
      stdio: 'ignore',
    });
    ({ text, dropped } = await imported(fodt.replace(/\.fodt$/, '.docx'), { code: 'СТ-902' }));
  });

  // An ODT or DOC is imported through the same export: the importer has LibreOffice write DOCX.
  it('keeps its formula object in the sentence, as linear text named in the report', () => {
    expect(text).toContain('индекс удовлетворённости k=(n_1)/n, где n — число ответов.');
    expect(formulas(dropped)).toEqual(['K=(N_1)/N']);
  });

  it('writes clause numbers «1.1.» into the text, as paragraphs the clauses cite; a lettered list stays a list', () => {
    expect(text).toContain(
      '1. общие положения clauses 1.1. действует везде clauses. 1.2. исполняют руководители clauses. 2. ответственность clauses 2.1. отвечает владелец clauses.',
    );
    expect(text).toContain('1. общие положения letters 1. действует везде letters. 2. исполняют руководители letters. 2. ответственность letters');
    expect(dropped.map((d) => `${d.text}: ${d.reason}`)).toContain(
      'пунктов: 5: автоматическая многоуровневая нумерация пунктов Word («1.2.») записана в текст: пункты стали абзацами, которые начинаются с номера',
    );
  });
});

describe('drawings and elements mammoth does not read', () => {
  it('a text box without a VML copy becomes its text in place; a chart and an unknown element are named', async () => {
    const zip = await JSZip.loadAsync(await docxFixture({ code: 'РГ-903', title: 'Отчётность' }));
    const xml = await zip.file('word/document.xml')!.async('string');
    const graphic = (uri: string, body: string) =>
      `<w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="9" name="Объект 9"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="${uri}">${body}</a:graphicData></a:graphic></wp:inline></w:drawing>`;
    const box = graphic(
      'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
      '<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Первый абзац надписи.</w:t></w:r></w:p><w:p><w:r><w:t>Второй.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>',
    );
    const chart = graphic(
      'http://schemas.openxmlformats.org/drawingml/2006/chart',
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/>',
    );
    const ruby = '<w:r><w:ruby><w:rt><w:r><w:t>чтение</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>основа</w:t></w:r></w:rubyBase></w:ruby></w:r>';
    const added = `<w:p><w:r><w:t xml:space="preserve">До надписи. </w:t></w:r><w:r>${box}</w:r><w:r><w:t xml:space="preserve"> После надписи.</w:t></w:r></w:p><w:p><w:r>${chart}</w:r></w:p><w:p>${ruby}</w:p>`;
    zip.file('word/document.xml', xml.replace(/<w:sectPr\b(?![\s\S]*<w:sectPr\b)/, `${added}$&`));
    const file = await tempFile('rg-903.docx', await zip.generateAsync({ type: 'uint8array' }));
    const { text, dropped } = await imported(file);
    expect(text).toContain('до надписи. первый абзац надписи. второй. после надписи.');
    const reasons = dropped.map((d) => `${d.text}: ${d.reason}`);
    expect(reasons).toContain('Первый абзац надписи. Второй.: надпись (текстовое поле) перенесена текстом в абзац, где она стоит');
    expect(reasons).toContain('диаграмма «Объект 9»: диаграмма не переносится: перенесите её содержимое текстом или таблицей вручную');
    expect(reasons).toContain('w:ruby: элемент Word не распознан и не перенесён: сверьте это место с исходником');
  });
});

describe('a DOCX a generator filled with whole parts (w:altChunk)', () => {
  it('html-docx-js (HTML in an MHT part): the text comes in, the code is found in it', async () => {
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Регламент РГ-907 «Учёт обращений»</h1><p>Обращение регистрируется в день поступления.</p><ol><li>Принять</li><li>Ответить</li></ol></body></html>';
    const docx = await tempFile('export.docx', new Uint8Array(await htmlDocx.asBlob(html).arrayBuffer()));
    const result = await importInto([docx]);
    const entry = result.files[0]!;
    expect(entry.error).toBeUndefined();
    expect(entry.code).toBe('РГ-907');
    const mdx = readFileSync(path.join(result.root, entry.written[0]!), 'utf8');
    expect(mdx).toContain('Обращение регистрируется в день поступления.');
    expect(mdx).toContain('1. Принять\n2. Ответить');
    expect(entry.dropped.map((d) => `${d.text}: ${d.reason}`)).toContain('word/afchunk.mht: встроенный фрагмент (altChunk) перенесён в текст на своё место');
  });

  it('an HTML part in windows-1251 is decoded by its charset; a part of a format it cannot read is named', async () => {
    const zip = await JSZip.loadAsync(await docxFixture({ code: 'РГ-908', title: 'Фрагменты' }));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const chunkRel = (id: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}"/>`;
    zip.file(
      'word/_rels/document.xml.rels',
      rels.replace('</Relationships>', `${chunkRel('c1', 'chunk1.htm')}${chunkRel('c2', '/word/chunk2.rtf')}</Relationships>`),
    );
    const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>';
    zip.file('word/chunk1.htm', Buffer.concat([Buffer.from(head), windows1251('Фрагмент в кодировке Windows-1251.'), Buffer.from('</p></body></html>')]));
    zip.file('word/chunk2.rtf', '{\\rtf1 Текст RTF}');
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace(/<w:sectPr\b(?![\s\S]*<w:sectPr\b)/, '<w:altChunk r:id="c1"/><w:altChunk r:id="c2"/>$&'));
    const { text, dropped } = await imported(await tempFile('rg-908.docx', await zip.generateAsync({ type: 'uint8array' })));
    expect(text).toContain('фрагмент в кодировке windows-1251.');
    const reasons = dropped.map((d) => `${d.text}: ${d.reason}`);
    expect(reasons).toContain('word/chunk1.htm: встроенный фрагмент (altChunk) перенесён в текст на своё место');
    expect(reasons).toContain('word/chunk2.rtf: встроенный фрагмент (altChunk) этого формата не читается: перенесите его текст вручную');
  });
});

describe('a document without a single heading style (pandoc writes RTF headings as bold lines)', () => {
  it('takes its name and code from the bold first line', async () => {
    const source = await tempFile('source.md', '# Регламент РГ-910 «Обслуживание клиентов»\n\nТребование действует с 1 марта 2026 г.\n');
    const rtf = source.replace(/\.md$/, '.rtf');
    execFileSync('pandoc', ['-s', '-f', 'markdown', '-t', 'rtf', '-o', rtf, source]);
    const result = await importInto([rtf], { version: '1.0' });
    const entry = result.files[0]!;
    expect(entry.error).toBeUndefined();
    expect(entry.mapped.find((m) => m.field === 'code')).toEqual({
      field: 'code',
      value: 'РГ-910',
      source: 'заголовок, абзац 1: «Регламент РГ-910 «Обслуживание клиентов»»',
    });
    const mdx = readFileSync(path.join(result.root, entry.written[0]!), 'utf8');
    expect(mdx).toContain('title: Обслуживание клиентов');
    expect(mdx).toContain('Требование действует с 1 марта 2026 г.');
  });
});

describe('pages and text exports in windows-1251 (pandoc’s HTML and a text file, re-encoded by iconv)', () => {
  it('an HTML page that declares windows-1251 is read in it', async () => {
    const source = await tempFile('page.md', '# Регламент РГ-911 «Проверка обращений»\n\nОбращение проверяется в течение суток.\n');
    const html = execFileSync('pandoc', ['-s', '-f', 'markdown', '-t', 'html', '--metadata', 'title=РГ-911', source], { encoding: 'utf8' });
    expect(html).toMatch(/<meta charset="utf-8"/);
    const page = await tempFile('rg-911.html', windows1251(html.replace('<meta charset="utf-8"', '<meta charset="windows-1251"')));
    const result = await importInto([page], { version: '1.0' });
    const entry = result.files[0]!;
    expect(entry.error).toBeUndefined();
    expect(entry.code).toBe('РГ-911');
    expect(readFileSync(path.join(result.root, entry.written[0]!), 'utf8')).toContain('Обращение проверяется в течение суток.');
    expect(entry.dropped.filter((d) => /кодиров/.test(d.reason))).toEqual([]); // declared: nothing guessed
  });

  it('a text file without a declaration, not UTF-8, is read as windows-1251 and the guess is named', async () => {
    const text = await tempFile('rg-912.txt', windows1251('Регламент РГ-912 «Учёт писем»\n\nПисьмо регистрируется в день поступления.\n'));
    const result = await importInto([text], { version: '1.0' });
    const entry = result.files[0]!;
    expect(entry.error).toBeUndefined();
    expect(readFileSync(path.join(result.root, entry.written[0]!), 'utf8')).toContain('Письмо регистрируется в день поступления.');
    expect(entry.dropped.map((d) => `${d.text}: ${d.reason}`)).toContain(
      'кодировка файла: файл не в UTF-8: прочитан как windows-1251 — сверьте текст с исходником',
    );
  });
});
