import { parseCode } from '../../lib/codes.ts';
import { plain, type Block } from '../blocks.ts';
import { headingLevel, recase } from '../headings.ts';
import { setTitle } from './passport.ts';
import { at, drop, type Recogniser, type Section } from './state.ts';
import { CODE_ANYWHERE, CODE_AT_END, findCode, unquote } from './values.ts';

/** A heading names the document, opens an appendix or a section the portal shows itself, or stays in the text. */

type HeadingBlock = Extract<Block, { kind: 'heading' }>;

const SECTION_OF: Array<[RegExp, Section]> = [
  [/информация о документе|паспорт документа/i, 'passport'],
  [/область применения/i, 'scope'],
  [/определени\S* терминов|термины и определения|терминов и ролей|сокращени/i, 'terms'],
  [/нормативные ссылки|внешние документы|внутренние документы/i, 'references'],
];
const APPENDIX = /^Приложение\s+(?:№\s*)?(\d+)\.?\s*(.*)$/i;

export function readHeading(rec: Recogniser, b: HeadingBlock, index: number) {
  const text = plain(b.inlines);
  if (codeHeading(rec, b, text)) return;
  if (titleHeading(rec, b, text, index)) return;
  if (appendixHeading(rec, b, text)) return;
  rec.section = SECTION_OF.find(([re]) => re.test(text))?.[1] ?? 'other';
  if (rec.section === 'passport' || rec.section === 'scope') {
    drop(rec, b, 'заголовок раздела, который портал выводит сам из паспорта');
    return;
  }
  rec.target.push({ ...b, level: headingLevel(text, b.level), inlines: recase(b.inlines, rec.words, rec.bodyText) });
}

/** The first heading that ends with a code («Политика … ПЛ-007») gives the code and the title. */
function codeHeading(rec: Recogniser, b: HeadingBlock, text: string): boolean {
  const code = CODE_AT_END.exec(text)?.[1];
  if (!code || rec.codeHeading || !parseCode(code)) return false;
  rec.codeHeading = true;
  rec.found.push({ code: parseCode(code)!.code, source: `заголовок, ${at(rec, b)}: «${text}»` });
  rec.result.code ??= parseCode(code)!.code;
  rec.result.title = undefined; // the heading with the code names the document more surely than the title page
  setTitle(rec, text.replace(CODE_AT_END, '').trim(), b, true);
  rec.section = 'other';
  return true;
}

/** A first-level heading that opens the document (not numbered, not an appendix or a known section) is its name. */
function titleHeading(rec: Recogniser, b: HeadingBlock, text: string, index: number): boolean {
  if (index !== rec.firstHeading || b.level !== 1 || /^\d/.test(text) || APPENDIX.test(text) || SECTION_OF.some(([re]) => re.test(text))) return false;
  const headingCode = findCode(text, rec.prefixes);
  if (headingCode) rec.found.push({ code: headingCode, source: `заголовок, ${at(rec, b)}: «${text}»` });
  const name = text.replace(CODE_ANYWHERE, '').replace(/^[\s·|–—-]+|[\s·|–—-]+$/g, '');
  if (!rec.result.title) setTitle(rec, name, b, true);
  drop(
    rec,
    b,
    `наименование документа (заголовок 1-го уровня): портал показывает его сам${rec.result.title === unquote(name) ? '' : `; в свойствах — «${rec.result.title}»`}`,
  );
  rec.section = 'other';
  return true;
}

/** «Приложение 2. Форма …» opens an appendix: the blocks after it go there. */
function appendixHeading(rec: Recogniser, b: HeadingBlock, text: string): boolean {
  const appendix = APPENDIX.exec(text.replace(/^\d+(\.\d+)*\.?\s+/, ''));
  if (!appendix) return false;
  const entry = {
    number: Number(appendix[1]),
    title: unquote(appendix[2]!.replace(/^[.:–—-]\s*/, '')) || `Приложение ${appendix[1]}`,
    blocks: [] as Block[],
  };
  rec.result.appendices.push(entry);
  rec.target = entry.blocks;
  rec.result.mapped.push({ field: `appendices/${entry.number}`, value: entry.title, source: at(rec, b) });
  rec.section = 'other';
  return true;
}
