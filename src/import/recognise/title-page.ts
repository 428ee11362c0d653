import { blockText, type Block } from '../blocks.ts';
import { matchAccess } from '../registries.ts';
import { labelOf, passportTable, setAccess, setAct, setField, setTitle } from './passport.ts';
import { readBodyBlock } from './body.ts';
import { at, drop, type Recogniser } from './state.ts';
import { actOf, findCode } from './values.ts';

/**
 * A block of the title page (before the first heading): the approval, the title, labelled passport fields, a code,
 * the access level or a passport table are read; prose is the text's opening and is kept; the rest (logo,
 * slogan, approvals) is dropped.
 */
export function readTitlePage(rec: Recogniser, b: Block) {
  const text = blockText(b).trim();
  if (b.kind === 'paragraph' && titlePageParagraph(rec, b, text)) return;
  if (b.kind === 'table' && passportTable(rec, b)) return;
  // The text has begun: the title page ends where it does (state.ts: or there are more blocks than one page holds).
  if (rec.textBegun || prose(rec, b, text)) {
    rec.textBegun = true;
    readBodyBlock(rec, b);
  } else drop(rec, b, 'титульный лист (логотип, слоган, оформление)');
}

const APPROVALS = /утвержд|согласова|подпис|ф\.?\s?и\.?\s?о(?![а-яё])/i;

/**
 * Sentences, not a title page's lines: a paragraph of eight words or more that ends a sentence (or opens a list with «:»), a list,
 * or a table of data. A document that opens with a preamble before its first heading («Настоящее положение
 * устанавливает…»), or has no heading but its last, keeps its words.
 */
function prose(rec: Recogniser, b: Block, text: string): boolean {
  const sentence = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 8 && /[.!?…:;]["»)]?$/.test(s.trim());
  if (b.kind === 'paragraph') return sentence(text);
  // A list is the text's, but for a form's choice of access level («☒ Для внутреннего использования»), which is read after this.
  if (b.kind === 'list')
    return !b.items.some((item) => {
      const line = item.inlines
        .map((i) => i.text)
        .join('')
        .trim();
      return /^[☐☒☑]/.test(line) || matchAccess(line, rec.registries.accessLevels)?.exact;
    });
  // A table of data (three rows or more), not a title page's layout or its approvals sheet.
  if (b.kind === 'table') return b.rows.length >= 3 && b.rows.some((r) => r.filter((c) => c.trim()).length >= 2) && !APPROVALS.test(text);
  return false;
}

/** True when the paragraph was read (or dropped for a reason of its own). */
function titlePageParagraph(rec: Recogniser, b: Block, text: string): boolean {
  if (/^утвержд[её]н[оаы]?(?![а-яё])/i.test(text)) {
    const act = actOf(text);
    if (act) setAct(rec, act, b, text);
    else drop(rec, b, 'блок «УТВЕРЖДЕНО» без акта и даты: не переносится');
    return true;
  }
  if (/^(согласовано|согласован[аы]?|лист согласования)(?![а-яё])/i.test(text)) {
    drop(rec, b, 'блок «СОГЛАСОВАНО»: согласования портал не показывает, храните лист согласования вместе с приказом');
    return true;
  }
  if (setTitle(rec, text, b)) return true;
  const labelled = /^([^:]{3,40}):\s*(.+)$/.exec(text);
  const hit = labelled ? labelOf([labelled[1]!, labelled[2]!]) : undefined;
  if (hit) {
    setField(rec, hit.label, hit.value, b, text);
    return true;
  }
  const pageCode = findCode(text, rec.prefixes);
  if (pageCode) rec.found.push({ code: pageCode, source: `титульный лист, ${at(rec, b)}: «${text}»` });
  if (matchAccess(text, rec.registries.accessLevels)?.exact) {
    setAccess(rec, text, b);
    return true;
  }
  return false;
}
