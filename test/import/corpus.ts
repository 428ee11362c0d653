/**
 * A corpus made by the tools the company uses: each variation is written as a flat OpenDocument
 * (FODT) source and converted by LibreOffice into DOCX, ODT, DOC, RTF and PDF (one `soffice` call per
 * format, each with its own profile), and one Markdown source by pandoc into DOCX. The expected
 * result of each variation stands beside it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sofficeConvert } from '../../src/import/convert.ts';
import { blockText, plain, type Block } from '../../src/import/blocks.ts';
import { artefactsRemoved } from '../../src/import/cleanup.ts';
import { readText } from '../../src/import/read-text.ts';
import { projectRoot } from '../helpers/content-root.ts';
import { PT035_SOURCE } from './helpers.ts';

/** The file name a migration team gives a document it did not write: the code first. */
export const FOREIGN = 'ИН-900 Правила участия';

const run = promisify(execFile);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Inline text: `**bold**` and `[text](href)` become spans and links; the rest is escaped. */
const inline = (s: string) =>
  esc(s)
    .replace(/\*\*(.+?)\*\*/g, '<text:span text:style-name="B">$1</text:span>')
    .replace(/\[(.+?)\]\((.+?)\)/g, '<text:a xlink:type="simple" xlink:href="$2">$1</text:a>')
    .replace(/\n/g, '<text:line-break/>');
export const p = (s: string, style = 'Text_20_body') => `<text:p text:style-name="${style}">${inline(s)}</text:p>`;
export const h = (level: number, s: string) => `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${inline(s)}</text:h>`;
export const bullets = (items: Array<string | string[]>, numbered = false): string =>
  `<text:list text:style-name="${numbered ? 'LN' : 'LB'}">${items
    .map((i) =>
      Array.isArray(i)
        ? `<text:list-item>${bullets(i, numbered).replace(/ text:style-name="L[NB]"/, '')}</text:list-item>`
        : `<text:list-item>${p(i, 'List')}</text:list-item>`,
    )
    .join('')}</text:list>`;
/** A table; a cell `{ text, cols, rows }` spans columns or rows, `null` is a covered cell. */
type Cell = string | { text: string; cols?: number; rows?: number } | null;
export const table = (rows: Cell[][], header = true) => {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (c: Cell) =>
    c === null
      ? '<table:covered-table-cell/>'
      : typeof c === 'string'
        ? `<table:table-cell office:value-type="string">${c
            .split('\n\n')
            .map((x) => p(x.trim(), 'Table_20_Contents'))
            .join('')}</table:table-cell>`
        : `<table:table-cell office:value-type="string"${c.cols ? ` table:number-columns-spanned="${c.cols}"` : ''}${c.rows ? ` table:number-rows-spanned="${c.rows}"` : ''}>${p(c.text, 'Table_20_Contents')}</table:table-cell>`;
  const row = (r: Cell[]) => `<table:table-row>${r.map(cell).join('')}</table:table-row>`;
  return `<table:table table:style-name="Tbl"><table:table-column table:number-columns-repeated="${width}"/>${
    header ? `<table:table-header-rows>${row(rows[0]!)}</table:table-header-rows>${rows.slice(1).map(row).join('')}` : rows.map(row).join('')
  }</table:table>`;
};
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const image = (name: string) =>
  `<text:p text:style-name="Text_20_body"><draw:frame draw:name="${name}" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image><office:binary-data>${PIXEL}</office:binary-data></draw:image><svg:title>${name}</svg:title></draw:frame></text:p>`;

export function fodt(options: { header?: string; footer?: string; body: string; numbered?: boolean; secondHeader?: string; trackedChanges?: string }): string {
  const master = (name: string, header?: string, footer?: string) =>
    `<style:master-page style:name="${name}" style:page-layout-name="pm1">${header ? `<style:header>${p(header, 'Header')}</style:header>` : ''}${footer ? `<style:footer>${p(footer, 'Footer')}</style:footer>` : ''}</style:master-page>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Standard" style:family="paragraph" style:class="text"><style:text-properties fo:font-size="11pt" style:font-name="Liberation Serif"/></style:style>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>
<style:style style:name="List" style:family="paragraph" style:parent-style-name="Text_20_body"/>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-weight="bold"/></style:style>
${[1, 2, 3].map((l) => `<style:style style:name="Heading_20_${l}" style:display-name="Heading ${l}" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="${l}"><style:text-properties fo:font-size="${[18, 15, 13][l - 1]}pt"/></style:style>`).join('\n')}
<style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading"/>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"/>
<text:outline-style style:name="Outline">${[1, 2, 3]
    .map(
      (l) =>
        `<text:outline-level-style text:level="${l}" style:num-format="${options.numbered ? '1' : ''}"${options.numbered ? ` style:num-suffix="." text:display-levels="${l}"` : ''}/>`,
    )
    .join('')}</text:outline-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style/><style:footer-style/></style:page-layout>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Right" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Bold" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Second" style:family="paragraph" style:parent-style-name="Heading_20_1" style:master-page-name="Second"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>
<text:list-style style:name="LB">${[1, 2, 3].map((l) => `<text:list-level-style-bullet text:level="${l}" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="${l * 0.8}cm"/></style:list-level-properties></text:list-level-style-bullet>`).join('')}</text:list-style>
<text:list-style style:name="LN">${[1, 2, 3].map((l) => `<text:list-level-style-number text:level="${l}" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="${l * 0.8}cm"/></style:list-level-properties></text:list-level-style-number>`).join('')}</text:list-style>
</office:automatic-styles>
<office:master-styles>${master('Standard', options.header, options.footer)}${master('Second', options.secondHeader, options.footer)}</office:master-styles>
<office:body><office:text>${options.trackedChanges ?? ''}${options.body}</office:text></office:body>
</office:document>
`;
}

/** What the import must give for one variation (every format unless `notPdf`). */
export interface Expected {
  code: string;
  /** Start of the report's «where the code was found». */
  codeSource: string;
  /** PDF keeps no page-header parts: its code may come from a later source. */
  pdfCodeSource?: string;
  title?: string;
  fields?: Partial<Record<'approved' | 'effective' | 'act' | 'access' | 'version', string>>;
  owner?: string;
  goals?: number;
  /** Lines the MDX body holds (headings, list items, table rows, links). */
  mdx?: string[];
  /** The same, for the DOCX-family formats only (links, table markup). */
  mdxNotPdf?: string[];
  /** Lines the MDX must not hold. */
  notMdx?: string[];
  /** The same, for the DOCX-family formats (a PDF prints tracked deletions, comments aside). */
  notMdxNotPdf?: string[];
  /** Report reasons (removals, guesses) the import lists for DOCX-family formats. */
  reported?: RegExp[];
}

export interface Variation {
  name: string;
  source: string;
  expected: Expected;
}

const LONG =
  'Настоящий документ устанавливает порядок работы подразделений компании, распределяет ответственность между участниками процесса и определяет сроки, в которые каждое действие должно быть выполнено и записано в системе учёта.';

export const VARIATIONS: Variation[] = [
  {
    // The code only in the page header; the title without it.
    name: 'header-code',
    source: fodt({
      header: 'ПАО «МТС» · РГ-101 · Регламент закупок',
      footer: 'Для внутреннего использования',
      body: [
        h(1, 'Регламент закупок'),
        h(2, '1. Общие положения'),
        p(LONG),
        h(2, '2. Порядок работы'),
        bullets(['Подготовить заявку', ['Согласовать с руководителем', 'Приложить смету'], 'Передать заявку в закупки']),
        bullets(['Проверить поставщика', 'Заключить договор'], true),
        p(LONG.replace('Настоящий', 'Этот')),
      ].join(''),
    }),
    expected: {
      code: 'РГ-101',
      codeSource: 'верхний колонтитул',
      pdfCodeSource: 'колонтитул',
      title: 'Регламент закупок',
      mdx: [
        '## 1. Общие положения',
        '## 2. Порядок работы',
        '- Подготовить заявку',
        '   - Согласовать с руководителем',
        '1. Проверить поставщика',
        '2. Заключить договор',
      ],
      reported: [/верхний колонтитул не переносится/],
    },
  },
  {
    // The code only in the page footer.
    name: 'footer-code',
    source: fodt({ footer: 'РГ-102 · редакция 1.0', body: [h(1, 'Регламент командировок'), h(2, '1. Общие положения'), p(LONG)].join('') }),
    expected: { code: 'РГ-102', codeSource: 'нижний колонтитул', pdfCodeSource: 'колонтитул', title: 'Регламент командировок', mdx: ['## 1. Общие положения'] },
  },
  {
    // The code only in a two-column passport table; УТВЕРЖДЕНО and СОГЛАСОВАНО blocks on the title page.
    name: 'passport-table',
    source: fodt({
      body: [
        p('УТВЕРЖДЕНО\nприказом ПАО «МТС» от 15.03.2024 № 112', 'Right'),
        p('СОГЛАСОВАНО\nДиректор по внутреннему аудиту', 'Right'),
        h(1, 'Положение о внутреннем аудите'),
        table([
          ['Поле', 'Значение'],
          ['Код', 'ПЛ-007'],
          ['Название', 'Положение о внутреннем аудите'],
          ['Дата утверждения', '15.03.2024'],
          ['Дата введения в действие', '1 апреля 2024 г.'],
          ['Владелец', 'Департамент качества и клиентского опыта'],
          ['Редакция', '2.0'],
          ['Гриф', 'Для внутреннего использования'],
          ['Цели', 'Независимая оценка процессов\n\nСнижение рисков\n\nПодготовка к сертификации'],
          ['Согласующие', 'Директор по внутреннему аудиту'],
        ]),
        h(2, '1. Общие положения'),
        p(LONG),
        h(2, '2. Роли'),
        table([
          ['Роль', 'Обязанности'],
          ['Аудитор', 'Проводит проверку\nи пишет отчёт'],
          ['Руководитель аудита', 'Утверждает план'],
          [{ text: 'Роли назначает приказ', cols: 2 }, null],
        ]),
      ].join(''),
    }),
    expected: {
      code: 'ПЛ-007',
      codeSource: 'таблица паспорта',
      title: 'Положение о внутреннем аудите',
      fields: { approved: '2024-03-15', effective: '2024-04-01', act: 'Приказ ПАО «МТС» от 15.03.2024 № 112', access: 'internal', version: '2.0' },
      owner: 'dkko',
      goals: 3,
      mdx: ['## 1. Общие положения', '## 2. Роли'],
      mdxNotPdf: ['| Роль | Обязанности |', '| Аудитор | Проводит проверку и пишет отчёт |'],
      notMdx: ['Поле', 'УТВЕРЖДЕНО'],
      reported: [/СОГЛАСОВАНО/, /поле паспорта «Согласующие»/],
    },
  },
  {
    // A passport table with merged cells (a title row across, «Даты» across two rows) and worded dates.
    name: 'merged-passport',
    source: fodt({
      body: [
        h(1, 'Инструкция по работе с обращениями'),
        table(
          [
            [{ text: 'Паспорт документа', cols: 3 }, null, null],
            [{ text: 'Код', cols: 2 }, null, 'ИН-203'],
            [{ text: 'Даты', rows: 2 }, 'утверждения', '15 марта 2024 г.'],
            [null, 'введения в действие', '01.04.2024'],
            [{ text: 'Гриф', cols: 2 }, null, 'Конфиденциально'],
          ],
          false,
        ),
        h(2, '1. Общие положения'),
        p(LONG),
      ].join(''),
    }),
    expected: {
      code: 'ИН-203',
      codeSource: 'таблица паспорта',
      fields: { approved: '2024-03-15', effective: '2024-04-01', access: 'confidential' },
      mdx: ['## 1. Общие положения'],
    },
  },
  {
    // The code only in the title; literal numbering, bold paragraphs as headings, lists without list
    // styles, links of every kind, an image and a footnote.
    name: 'title-code',
    source: fodt({
      body: [
        h(1, 'Инструкция по охране труда ИН-204'),
        h(2, '1. Общие положения'),
        p(LONG),
        h(3, '1.1. Область действия'),
        p(
          'Правила размещены на [портале](https://example.com/ohs), вопросы — по [почте](mailto:ohs@example.com), старая версия — на [интранете](http://intranet/ohs/old.doc), [кнопка](javascript:location.reload) не нужна.',
        ),
        p('2. Требования безопасности', 'Bold'),
        p(LONG.replace('Настоящий документ', 'Этот раздел')),
        p('– проверить рабочее место;'),
        p('– включить вентиляцию.'),
        image('Схема эвакуации'),
        `<text:p text:style-name="Text_20_body">Работник проходит инструктаж ежегодно.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Порядок инструктажа — в ИН-205.</text:p></text:note-body></text:note></text:p>`,
      ].join(''),
    }),
    expected: {
      code: 'ИН-204',
      codeSource: 'заголовок',
      title: 'Инструкция по охране труда',
      mdx: ['## 1. Общие положения', '### 1.1. Область действия', '## 2. Требования безопасности', '- проверить рабочее место;'],
      // The footnote is a Markdown footnote: its call where Word had it, its text at the end.
      mdxNotPdf: ['[портале](https://example.com/ohs)', '[почте](mailto:ohs@example.com)', 'инструктаж ежегодно.[^1]', '[^1]: Порядок инструктажа — в ИН-205.'],
      reported: [/интранет/, /javascript/, /изображение/, /сноска перенесена сноской: \[\^1\] в тексте/],
    },
  },
  {
    // No code in the document: the file name gives it.
    name: 'rg-105-poryadok-soglasovaniya',
    source: fodt({ body: [h(1, 'Порядок согласования договоров'), h(2, '1. Общие положения'), p(LONG)].join('') }),
    expected: { code: 'РГ-105', codeSource: 'имя файла', title: 'Порядок согласования договоров', mdx: ['## 1. Общие положения'] },
  },
  {
    // Word's automatic numbering (no number typed), a section break with another header, tracked
    // changes, a comment, a table of contents field and a footnote.
    name: 'auto-numbering',
    source: fodt({
      numbered: true,
      header: 'ПАО «МТС» · РГ-106 · Регламент управления изменениями',
      secondHeader: 'Приложения к регламенту РГ-106',
      trackedChanges:
        '<text:tracked-changes text:track-changes="false"><text:changed-region xml:id="ct1" text:id="ct1"><text:insertion><office:change-info><dc:creator>Иванов И. И.</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region><text:changed-region xml:id="ct2" text:id="ct2"><text:deletion><office:change-info><dc:creator>Петров П. П.</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info><text:p>устаревшую формулировку </text:p></text:deletion></text:changed-region></text:tracked-changes>',
      body: [
        p('Регламент «Управление изменениями»', 'Bold'),
        '<text:table-of-content text:name="TOC1"><text:table-of-content-source text:outline-level="3"><text:index-title-template text:style-name="Contents_20_Heading">Содержание</text:index-title-template></text:table-of-content-source><text:index-body><text:index-title text:name="TOC1_Head"><text:p text:style-name="Contents_20_Heading">Содержание</text:p></text:index-title><text:p text:style-name="Contents_20_1">1. Общие положения<text:tab/>1</text:p><text:p text:style-name="Contents_20_1">2. Порядок изменений<text:tab/>1</text:p></text:index-body></text:table-of-content>',
        h(1, 'Общие положения'),
        h(2, 'Назначение'),
        `<text:p text:style-name="Text_20_body">Регламент описывает <text:change text:change-id="ct2"/>порядок <text:change-start text:change-id="ct1"/>согласованных <text:change-end text:change-id="ct1"/>изменений.<office:annotation><dc:creator>Сидоров С. С.</dc:creator><dc:date>2024-03-02T00:00:00</dc:date><text:p>Проверить срок действия</text:p></office:annotation></text:p>`,
        h(1, 'Порядок изменений'),
        p(LONG),
        `<text:h text:style-name="Second" text:outline-level="1">Приложения</text:h>`,
        p('Формы заявок на изменение хранятся в системе учёта.'),
      ].join(''),
    }),
    expected: {
      code: 'РГ-106',
      codeSource: 'верхний колонтитул',
      pdfCodeSource: 'колонтитул',
      title: 'Управление изменениями',
      mdx: ['## 1. Общие положения', '### 1.1. Назначение', '## 2. Порядок изменений'],
      mdxNotPdf: ['Регламент описывает порядок согласованных изменений.'],
      notMdx: ['Содержание', 'Проверить срок действия'],
      notMdxNotPdf: ['устаревшую формулировку'],
      reported: [/вставка, Иванов/, /удаление, Петров/, /комментарий рецензента/, /оглавлени/, /Приложения к регламенту РГ-106/, /автоматическая нумерация/],
    },
  },
];

/** A pandoc DOCX: a passport grid table whose goals are a bullet list (pandoc writes them with numbering.xml). */
export const PANDOC_SOURCE = `# Положение о закупках

+----------------+-------------------------------------------+
| Поле           | Значение                                  |
+================+===========================================+
| Код            | ПЛ-008                                    |
+----------------+-------------------------------------------+
| Дата           | 15 марта 2024 г.                          |
| утверждения    |                                           |
+----------------+-------------------------------------------+
| Цели           | - Прозрачность закупок                    |
|                | - Экономия средств                        |
|                | - Равный доступ поставщиков               |
|                | - Контроль сроков                         |
|                | - Снижение рисков                         |
|                | - Единые правила                          |
|                | - Учёт договоров                          |
|                | - Отчётность перед советом                |
+----------------+-------------------------------------------+

## 1. Общие положения

Положение действует во всех подразделениях. Справки — на [портале закупок](https://example.com/zakupki).

- первый пункт
- второй пункт
`;
export const PANDOC_EXPECTED: Expected = {
  code: 'ПЛ-008',
  codeSource: 'таблица паспорта',
  title: 'Положение о закупках',
  fields: { approved: '2024-03-15' },
  goals: 8,
  mdx: ['## 1. Общие положения', '- первый пункт', '[портале закупок](https://example.com/zakupki)'],
  notMdx: ['| Поле | Значение |', '- Прозрачность закупок - Экономия'],
};

export const FORMATS = ['docx', 'odt', 'doc', 'rtf', 'pdf'] as const;
const TARGET: Record<(typeof FORMATS)[number], string> = {
  docx: 'docx:MS Word 2007 XML',
  odt: 'odt',
  doc: 'doc:MS Word 97',
  rtf: 'rtf',
  pdf: 'pdf:writer_pdf_Export',
};

/**
 * Writes the sources into `dir/src`, converts them into `dir/<format>/` (the five `soffice` calls run
 * side by side, each with its own profile) and the Markdown with pandoc. Returns the files by format.
 * Run by `npm run test:corpus` (test/import/make-corpus.ts), which keeps the result in `CORPUS_DIR`.
 */
export async function buildCorpus(dir: string): Promise<Record<string, string[]>> {
  const src = path.join(dir, 'src');
  await mkdir(src, { recursive: true });
  const all = corpusSources();
  const sources = all.map((v) => path.join(src, `${v.name}.fodt`));
  await Promise.all(all.map((v, i) => writeFile(sources[i]!, v.fodt())));
  // A document this project did not write: its CONTRIBUTING.md through pandoc, then LibreOffice.
  sources.push(path.join(src, `${FOREIGN}.docx`));
  await run('pandoc', ['-f', 'gfm', '-t', 'docx', '-o', sources.at(-1)!, path.join(projectRoot, 'CONTRIBUTING.md')]);
  const out: Record<string, string[]> = {};
  // A password-protected PDF, as LibreOffice writes it (it cannot protect ODT/DOCX from the command line).
  const secret = path.join(src, `${SECRET}.fodt`);
  await writeFile(secret, VARIATIONS[1]!.source);
  const encrypt = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';
  await Promise.all([
    ...FORMATS.map(async (format) => {
      const target = path.join(dir, format);
      await mkdir(target, { recursive: true });
      out[format] = await sofficeConvert(sources, TARGET[format], target);
    }),
    sofficeConvert([secret], encrypt, path.join(dir, 'encrypted')).then((files) => (out.encrypted = files)),
  ]);
  await writeFile(path.join(src, 'pandoc.md'), PANDOC_SOURCE);
  await mkdir(path.join(dir, 'pandoc'), { recursive: true });
  out.pandoc = [path.join(dir, 'pandoc', `${PANDOC_NAME}.docx`)];
  await run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', out.pandoc[0]!, path.join(src, 'pandoc.md')]);
  return out;
}

const SECRET = 'secret';
const PANDOC_NAME = 'polozhenie-o-zakupkah';
/** ПТ-035's files in the corpus, beside the variations'. */
export const PT035_NAME = 'pt-035';

/** ПТ-035 as the text reader gives it, the old portal's artefacts removed: the round trip's source. */
export const pt035Source = () => artefactsRemoved(readText(readFileSync(PT035_SOURCE, 'utf8')));

/**
 * The FODT documents LibreOffice converts: every variation, and ПТ-035 written back from its source
 * (made only when asked for: the kept corpus's file names do not need it).
 */
function corpusSources(): Array<{ name: string; fodt: () => string }> {
  return [...VARIATIONS.map((v) => ({ name: v.name, fodt: () => v.source })), { name: PT035_NAME, fodt: () => blocksToFodt(pt035Source().blocks) }];
}

/**
 * The corpus as LibreOffice and pandoc wrote it, kept in the repository (`npm run test:corpus` rewrites
 * it): making it took some 50 s of CPU in every run of the suite. Its manifest holds the digest of each
 * source it was made from; `staleCorpus` names the sources that changed since.
 */
export const CORPUS_DIR = path.join(import.meta.dirname, 'corpus');
const MANIFEST = path.join(CORPUS_DIR, 'manifest.json');

interface CorpusManifest {
  /** The tools' versions that wrote the files, for the record. */
  tools: Record<string, string>;
  /** sha256 of each source text by the name of the files made from it. */
  sources: Record<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The digests of today's sources (CONTRIBUTING.md aside: any text the corpus did not write serves). */
function sourceDigests(): Record<string, string> {
  return Object.fromEntries([
    ...corpusSources().map((v) => [v.name, sha256(v.fodt())]),
    [SECRET, sha256(VARIATIONS[1]!.source)],
    [PANDOC_NAME, sha256(PANDOC_SOURCE)],
  ]);
}

/** Sources whose kept files were made from another text (or are missing): the corpus must be rewritten. */
export function staleCorpus(): string[] {
  const kept = existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as CorpusManifest).sources : {};
  const now = sourceDigests();
  return [...new Set([...Object.keys(now), ...Object.keys(kept)])].filter((name) => now[name] !== kept[name]).sort();
}

/** The kept corpus's files by format, in the order `buildCorpus` returns them; a missing file is an error. */
export function keptCorpus(): Record<string, string[]> {
  const names = [...corpusSources().map((v) => v.name), FOREIGN];
  const files: Record<string, string[]> = {
    ...Object.fromEntries(FORMATS.map((format) => [format, names.map((name) => path.join(CORPUS_DIR, format, `${name}.${format}`))])),
    encrypted: [path.join(CORPUS_DIR, 'encrypted', `${SECRET}.pdf`)],
    pandoc: [path.join(CORPUS_DIR, 'pandoc', `${PANDOC_NAME}.docx`)],
  };
  const missing = Object.values(files)
    .flat()
    .filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`в корпусе нет файлов (npm run test:corpus): ${missing.map((f) => path.relative(CORPUS_DIR, f)).join(', ')}`);
  return files;
}

/** Writes the manifest of a corpus just made into `CORPUS_DIR`. */
export async function writeManifest(tools: Record<string, string>): Promise<void> {
  const manifest: CorpusManifest = { tools, sources: sourceDigests() };
  await writeFile(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Blocks (as the text reader gives them) written back as a FODT document, so LibreOffice can print it. */
export function blocksToFodt(blocks: Block[]): string {
  const md = (inlines: Array<{ text: string; bold?: boolean }>) => inlines.map((i) => (i.bold ? `**${i.text}**` : i.text)).join('');
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return h(Math.min(3, b.level), plain(b.inlines));
        case 'paragraph':
          return p(md(b.inlines));
        case 'list':
          return bullets(
            b.items.map((i) => md(i.inlines)),
            b.ordered,
          );
        case 'table':
          return table(
            b.rows.map((r) => r.map((c) => c.replace(/\u2610/g, '\n\n').replace(/^\n+/, ''))),
            false,
          );
        default:
          return blockText(b) ? p(blockText(b)) : '';
      }
    })
    .join('');
  return fodt({ body });
}
