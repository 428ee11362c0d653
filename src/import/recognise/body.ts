import { blockText, plain, type Block } from '../blocks.ts';
import { addScope, passportTable, PASSPORT_LABELS } from './passport.ts';
import { drop, type Recogniser } from './state.ts';
import { readTable } from './tables.ts';

/** Sentences the portal shows itself on every document page: not imported twice. */
const PORTAL_TEXT = [
  /^Действующие версии НД размещены/i,
  /^Настоящий документ регламентирует деятельность следующих/i,
  /^\\?\*\s*[-–—]\s*для внедрения НД необходима адаптация/i,
];

/** A block after the title page that is not a heading: a table, a passport row, the portal's own text, the scope, or the text itself. */
export function readBodyBlock(rec: Recogniser, b: Block) {
  if (b.kind === 'table') return readTable(rec, b);
  const text = blockText(b).trim();
  // A passport row that lost its table (PDF text): «Ответственный за применение НД Департамент…».
  const label = b.kind === 'paragraph' ? PASSPORT_LABELS.find(([re]) => re.test(text))?.[0].exec(text)?.[0] : undefined;
  if (
    label &&
    passportTable(rec, { kind: 'table', rows: [[label.replace(/:$/, ''), text.slice(label.length).trim()]], line: b.line, ...(b.page ? { page: b.page } : {}) })
  )
    return;
  if (PORTAL_TEXT.some((re) => re.test(text))) {
    drop(rec, b, 'типовой текст, который портал показывает сам на странице документа');
    return;
  }
  if (rec.section === 'scope' && b.kind === 'paragraph') {
    if (/наименование подразделения/i.test(text)) rec.scopeHeader = true;
    else if (rec.scopeHeader) addScope(rec, text, b);
    else rec.target.push(b);
    return;
  }
  if (rec.section === 'scope' && b.kind === 'list') {
    for (const item of b.items) addScope(rec, plain(item.inlines), b);
    return;
  }
  rec.target.push(b);
}
