/**
 * Objects of a Word document that mammoth drops without a word: equations, text boxes drawn without a
 * VML copy, charts and diagrams, elements it does not know; and clause numbers («1.2.») a Markdown list
 * cannot show. Equations and numbering come from pandoc (TeX) and from LibreOffice (its formula objects
 * and list styles, saved as DOCX), tools this project did not write.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import htmlDocx from 'html-docx-js';
import { linearMath, symbolFontsAsUnicode, withoutHiddenText } from '../../src/import/docx-objects.ts';
import { CHECKBOX, CHECKED } from '../../src/import/blocks.ts';
import { checkboxItems, formSentence } from '../../src/import/form-boxes.ts';
import { removePrompts } from '../../src/import/artefacts.ts';
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

describe('a code of a type the registry does not have (LibreOffice’s DOCX of HTML pages)', () => {
  /** Each page saved as DOCX by LibreOffice (one run for all), by its name. */
  const docx: Record<string, string> = {};
  beforeAll(async () => {
    const pages = {
      uchet: 'СТ-501 Стандарт «Учёт оборудования»',
      'СТ-777 Положение': 'Положение об учёте',
      'sk-501': 'СК-501 Стандарт качества «Учёт оборудования»',
    };
    const dir = path.dirname(await tempFile('.keep', ''));
    const html: string[] = [];
    for (const [name, heading] of Object.entries(pages)) {
      html.push(path.join(dir, `${name}.html`));
      writeFileSync(html.at(-1)!, `<html><head><meta charset="utf-8"></head><body><h1>${heading}</h1><p>Порядок учёта оборудования.</p></body></html>`);
      docx[name] = path.join(dir, `${name}.docx`);
    }
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, ...html], {
      stdio: 'ignore',
    });
  });

  it('is refused naming the code it saw, where, and the types the registry knows: not «code not found»', async () => {
    const entry = (await importInto([docx.uchet!], { version: '1.0' })).files[0]!;
    expect(entry.written).toEqual([]);
    expect(entry.error).toBe(
      'код документа не распознан: «СТ-501» (заголовок) — вида документа «СТ» нет в реестре registries/document-types.json (известные: ПТ, ПЛ, ПР, РГ, РК, СК, ИН); добавьте вид в реестр и повторите импорт или укажите код известного вида параметром --code',
    );
  });

  it('names the file when the code is only in its name, and a registered type in the heading still wins as before', async () => {
    const unknown = await importInto([docx['СТ-777 Положение']!], { version: '1.0' });
    expect(unknown.files[0]!.error).toMatch(/^код документа не распознан: «СТ-777» \(имя файла «СТ-777 Положение\.docx»\)/);
    const known = await importInto([docx['sk-501']!], { version: '1.0' });
    expect(known.files[0]!.error).toBeUndefined();
    expect(known.files[0]!.code).toBe('СК-501');
  });
});

describe('hidden text (Word’s «Скрытый»)', () => {
  const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

  it('is taken out and reported, runs side by side as one text; switched off or hidden only on the web, it stays', () => {
    const xml = `<w:p>${run('Срок — ')}${run('проверить ', '<w:vanish/>')}${run('срок', '<w:b/><w:vanish w:val="true"/>')}${run('один месяц.')}${run(' 3', '<w:webHidden/>')}${run(' видно', '<w:vanish w:val="0"/>')}</w:p>`;
    const { xml: visible, notes } = withoutHiddenText(xml);
    expect(visible).not.toMatch(/проверить|>срок</);
    expect(visible).toContain('один месяц.');
    expect(visible).toContain(' 3');
    expect(visible).toContain(' видно');
    expect(notes.map((n) => n.text)).toEqual(['проверить срок']);
  });

  it('hidden through a character style is hidden too; a document without hidden text is returned as it was', () => {
    const styles =
      '<w:styles><w:style w:type="character" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style></w:styles>';
    const xml = `<w:p>${run('указание', '<w:rStyle w:val="Note"/>')}${run('текст', '<w:rStyle w:val="Strong"/>')}</w:p>`;
    expect(withoutHiddenText(xml, styles).notes.map((n) => n.text)).toEqual(['указание']);
    const plain = `<w:p>${run('текст', '<w:rStyle w:val="Strong"/>')}</w:p>`;
    expect(withoutHiddenText(plain, styles)).toEqual({ xml: plain, notes: [] });
  });

  it('in LibreOffice’s DOCX (direct formatting and a character style) is neither published nor lost without a word', async () => {
    const fodt = await tempFile(
      'rk-301.fodt',
      `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:style style:name="Служебный" style:family="text"><style:text-properties text:display="none"/></style:style></office:styles>
<office:automatic-styles><style:style style:name="Hid" style:family="text"><style:text-properties text:display="none"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">РК-301 Руководство «Учёт жалоб»</text:h>
<text:p>Срок — <text:span text:style-name="Служебный">указание автору: проверить срок </text:span>один месяц.</text:p>
<text:p>Ответ направляет руководитель.<text:span text:style-name="Hid"> Черновая заметка.</text:span></text:p>
</office:text></office:body></office:document>`,
    );
    const dir = path.dirname(fodt);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, fodt], {
      stdio: 'ignore',
    });
    const { text, dropped } = await imported(fodt.replace(/\.fodt$/, '.docx'));
    expect(text).toContain('срок — один месяц. ответ направляет руководитель.');
    expect(text).not.toMatch(/указание|черновая/);
    expect(dropped.filter((d) => d.reason.startsWith('скрытый текст Word')).map((d) => d.text)).toEqual([
      'указание автору: проверить срок',
      'Черновая заметка.',
    ]);
  });
});

const FORM_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:field="urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:h text:outline-level="1">РК-304 Руководство «Учёт заявок»</text:h>
<text:p><field:fieldmark text:name="Check1" field:type="vnd.oasis.opendocument.field.FORMCHECKBOX"><field:param field:name="Checkbox_Checked" field:value="false"/></field:fieldmark> Для внутреннего использования</text:p>
<text:p><field:fieldmark text:name="Check2" field:type="vnd.oasis.opendocument.field.FORMCHECKBOX"><field:param field:name="Checkbox_Checked" field:value="true"/></field:fieldmark> Для неограниченного доступа</text:p>
<text:p>Владелец: <loext:content-control loext:showing-place-holder="true">Щёлкните здесь, чтобы ввести текст.</loext:content-control></text:p>
<text:p>Срок: <loext:content-control loext:checkbox="true" loext:checked="true" loext:checked-state="☒" loext:unchecked-state="☐">☒</loext:content-control> ежемесячно</text:p>
</office:text></office:body></office:document>
`;

describe('a filled-in form: Word’s form check boxes and content controls (LibreOffice’s DOCX)', () => {
  it('boxes used as bullets stay plain items; in a form every box keeps its state, and a sentence with boxes stays a sentence', () => {
    const line = `${CHECKBOX}Первая цель ${CHECKBOX}Вторая цель`;
    expect(checkboxItems(line, false)).toEqual({ items: ['Первая цель', 'Вторая цель'], checked: [] });
    expect(checkboxItems(`${CHECKBOX}${CHECKED}Первая цель ${CHECKBOX}Вторая цель`, true)).toEqual({
      items: ['☒ Первая цель', '☐ Вторая цель'],
      checked: ['Первая цель'],
    });
    expect(formSentence(line, true)).toBeUndefined(); // opens with a box: a list
    expect(formSentence(`Периодичность: ${CHECKBOX}ежемесячно ${CHECKBOX}${CHECKED}ежеквартально`, true)).toBe('Периодичность: ☐ежемесячно ☒ежеквартально');
    expect(formSentence(`Периодичность: ${CHECKBOX}ежемесячно`, false)).toBeUndefined();
  });

  /** The form saved as DOCX by LibreOffice (one run for both): with the public level ticked, and with no level ticked. */
  const docx: Record<'ticked' | 'unticked' | 'pdf', string> = { ticked: '', unticked: '', pdf: '' };
  beforeAll(async () => {
    const ticked = await tempFile('rk-304.fodt', FORM_SOURCE);
    const dir = path.dirname(ticked);
    const unticked = path.join(dir, 'rk-305.fodt');
    writeFileSync(unticked, FORM_SOURCE.replace('РК-304', 'РК-305').replace('field:value="true"', 'field:value="false"'));
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, ticked, unticked],
      {
        stdio: 'ignore',
      },
    );
    docx.ticked = ticked.replace(/\.fodt$/, '.docx');
    docx.unticked = unticked.replace(/\.fodt$/, '.docx');
    // The same form printed to PDF by LibreOffice: the empty field's prompt is printed as text.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ticked], { stdio: 'ignore' });
    docx.pdf = ticked.replace(/\.fodt$/, '.pdf');
  });

  it('printed to PDF, the form still loses its prompt, named in the report; «Выберите элемент меню» in a sentence is text', async () => {
    const entry = (await importInto([docx.pdf], { version: '1.0' })).files[0]!;
    expect(entry.error).toBeUndefined();
    expect(entry.dropped.filter((d) => d.reason.startsWith('подсказка незаполненного поля')).map((d) => d.text)).toEqual([
      'Щёлкните здесь, чтобы ввести текст.',
    ]);
    const { blocks } = removePrompts([{ kind: 'paragraph', inlines: [{ text: 'Выберите элемент меню. Выберите элемент.' }], line: 1 }]);
    expect(blocks[0]).toMatchObject({ inlines: [{ text: 'Выберите элемент меню. ' }] });
  });

  it('takes the ticked access level, keeps which boxes were ticked, and leaves out an empty field’s prompt', async () => {
    const result = await importInto([docx.ticked], { version: '1.0' });
    const entry = result.files[0]!;
    expect(entry.error).toBeUndefined();
    const mdx = readFileSync(path.join(result.root, entry.written[0]!), 'utf8');
    expect(mdx).toMatch(/^access: public$/m);
    expect(entry.guessed.filter((g) => g.field === 'access')).toEqual([]);
    expect(mdx).toContain('- ☐ Для внутреннего использования\n- ☒ Для неограниченного доступа');
    expect(mdx).toContain('Срок: ☒ ежемесячно');
    expect(mdx).not.toContain('Щёлкните здесь');
    expect(entry.dropped.map((d) => `${d.text}: ${d.reason}`)).toContain(
      'Щёлкните здесь, чтобы ввести текст.: незаполненное поле формы Word: его подсказка не перенесена — заполните это место в редакции',
    );
  });

  it('without a ticked level, the access level taken is named as a guess', async () => {
    const entry = (await importInto([docx.unticked], { version: '1.0' })).files[0]!;
    expect(entry.guessed.filter((g) => g.field === 'access').map((g) => g.value)).toEqual(['internal']);
  });
});

const SYMBOLS_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Wingdings" svg:font-family="Wingdings" style:font-charset="x-symbol" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/><style:font-face style:name="Symbol" svg:font-family="Symbol" style:font-charset="x-symbol" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:automatic-styles><style:style style:name="W" style:family="text"><style:text-properties style:font-name="Wingdings"/></style:style><style:style style:name="S" style:family="text"><style:text-properties style:font-name="Symbol"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">РК-310 Руководство «Матрица»</text:h>
<text:p>Отметка: <text:span text:style-name="W">&#xF0FC;</text:span> выполнено; температура 20 <text:span text:style-name="S">&#xF0B1;</text:span> 2 градуса.</text:p>
<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>Внешняя</text:p></table:table-cell><table:table-cell>
<table:table table:name="T2"><table:table-column table:number-columns-repeated="2"/><table:table-row><table:table-cell><text:p>Вложенная А</text:p></table:table-cell><table:table-cell><text:p>Вложенная Б</text:p></table:table-cell></table:table-row></table:table>
</table:table-cell></table:table-row>
</table:table>
<text:p>Конец.</text:p>
</office:text></office:body></office:document>
`;

describe('symbol fonts and a table in a cell (LibreOffice’s DOCX)', () => {
  it('characters typed in Symbol or Wingdings become their Unicode equivalents, each named; an unknown one is named too', () => {
    const run = (font: string, text: string) => `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr><w:t>${text}</w:t></w:r>`;
    const { xml, notes } = symbolFontsAsUnicode(
      `<w:p>${run('Symbol', 'a')}${run('Times New Roman', 'a')}${run('Wingdings', '\uf0fc')}${run('Wingdings', '\uf000')}</w:p>`,
    );
    expect(xml).toContain('<w:t>α</w:t>');
    expect(xml).toContain('<w:t>a</w:t>'); // not a symbol font: as it was
    expect(xml).toContain('<w:t>✓</w:t>');
    expect(notes.map((n) => n.text)).toEqual(['Symbol U+0061 → «α»', 'Wingdings U+F0FC → «✓»', 'Wingdings U+F000']);
  });

  it('publish «✓» and «±», not private-use characters, and keep the cells of a nested table apart, reported', async () => {
    const fodt = await tempFile('rk-310.fodt', SYMBOLS_SOURCE);
    const dir = path.dirname(fodt);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, fodt], {
      stdio: 'ignore',
    });
    const result = await importInto([fodt.replace(/\.fodt$/, '.docx')], { version: '1.0' });
    const entry = result.files[0]!;
    expect(entry.error).toBeUndefined();
    const mdx = readFileSync(path.join(result.root, entry.written[0]!), 'utf8');
    expect(mdx).toContain('Отметка: ✓ выполнено; температура 20 ± 2 градуса.');
    expect(mdx).not.toMatch(/[\ue000-\uf8ff]/u);
    expect(mdx).toContain('| Внешняя | Вложенная А; Вложенная Б |');
    expect(entry.dropped.map((d) => d.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^знак символьного шрифта заменён/), expect.stringMatching(/^таблица внутри ячейки/)]),
    );
  });

  it('printed to PDF, a symbol font’s character cannot be told and is named for the author', async () => {
    const fodt = await tempFile('rk-311.fodt', SYMBOLS_SOURCE.replace('РК-310', 'РК-311'));
    const dir = path.dirname(fodt);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, fodt], { stdio: 'ignore' });
    const entry = (await importInto([fodt.replace(/\.fodt$/, '.pdf')], { version: '1.0' })).files[0]!;
    expect(entry.error).toBeUndefined();
    expect(entry.dropped.filter((d) => d.reason.startsWith('знак символьного шрифта (Symbol, Wingdings)')).map((d) => d.text)).toContain('U+F0FC');
  });
});

/** A corporate template's own heading styles: an outline level, no Word «heading N» name (LibreOffice writes them so). */
const TEMPLATE_HEADINGS = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:style style:name="МТС Раздел" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"/><style:style style:name="МТС Название" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"/></office:styles><office:automatic-styles><style:style style:name="L1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="L2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"/></office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="МТС Название">РК-321 Руководство «Учёт обращений»</text:p>
<text:p text:style-name="МТС Раздел">Общие положения</text:p>
<text:p>Текст раздела.</text:p>
<text:p text:style-name="МТС Раздел">Ответственность</text:p>
<text:p>Текст второго раздела.</text:p>
</office:text></office:body></office:document>
`;

describe('headings in a template’s own styles (an outline level, any name)', () => {
  it('are headings, and the first names the document, as Word’s navigation pane shows them', async () => {
    const fodt = await tempFile('rk-321.fodt', TEMPLATE_HEADINGS);
    const dir = path.dirname(fodt);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, fodt], {
      stdio: 'ignore',
    });
    const result = await importInto([fodt.replace(/\.fodt$/, '.docx')], { version: '1.0' });
    const entry = result.files[0]!;
    expect(entry.error).toBeUndefined();
    expect(entry.code).toBe('РК-321');
    const mdx = readFileSync(path.join(result.root, entry.written[0]!), 'utf8');
    expect(mdx).toMatch(/^title: Учёт обращений$/m);
    expect(mdx).toContain('## Общие положения\n\nТекст раздела.\n\n## Ответственность\n\nТекст второго раздела.');
  });
});

/** A document whose code, name and edition are only in its properties (File → Properties), as templates keep them. */
const PROPERTIES_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Порядок учёта оборудования</dc:title><meta:user-defined meta:name="Код документа">РК-330</meta:user-defined><meta:user-defined meta:name="Редакция">2.1</meta:user-defined></office:meta>
<office:body><office:text>
<text:h text:outline-level="2">1. Общие положения</text:h>
<text:p>Настоящее руководство устанавливает порядок учёта.</text:p>
</office:text></office:body></office:document>
`;

describe('the document’s properties (LibreOffice’s DOCX: the title and custom properties)', () => {
  const docx: Record<'only' | 'text', string> = { only: '', text: '' };
  beforeAll(async () => {
    const only = await tempFile('props.fodt', PROPERTIES_SOURCE);
    const dir = path.dirname(only);
    const text = path.join(dir, 'props-text.fodt');
    // The text names the document itself: the properties are a template's leftovers.
    writeFileSync(
      text,
      PROPERTIES_SOURCE.replace(
        '<text:h text:outline-level="2">',
        '<text:h text:outline-level="1">РК-331 Руководство «Учёт заявок»</text:h><text:h text:outline-level="2">',
      ),
    );
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, only, text],
      { stdio: 'ignore' },
    );
    docx.only = only.replace(/\.fodt$/, '.docx');
    docx.text = text.replace(/\.fodt$/, '.docx');
  });

  it('give the code, name and edition when the text has none, each with its source', async () => {
    const entry = (await importInto([docx.only])).files[0]!;
    expect(entry.error).toBeUndefined();
    expect([entry.code, entry.title, entry.version]).toEqual(['РК-330', 'Порядок учёта оборудования', '2.1']);
    expect(entry.mapped.find((m) => m.field === 'code')?.source).toBe('свойства документа: «Код документа» = «РК-330»');
  });

  it('yield to what the text says, and the other code is named as a guess', async () => {
    const entry = (await importInto([docx.text])).files[0]!;
    expect([entry.code, entry.title]).toEqual(['РК-331', 'Учёт заявок']);
    expect(entry.guessed.filter((g) => g.field === 'code').map((g) => g.original)).toEqual(['РК-330 (свойства документа: «Код документа» = «РК-330»)']);
  });
});
