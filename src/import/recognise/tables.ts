import type { Block } from '../blocks.ts';
import { addScope, passportTable } from './passport.ts';
import { at, drop, type Recogniser } from './state.ts';
import { unquote } from './values.ts';

/** Tables of the body: the passport, roles, terms, scope and references go to their fields; any other table stays in the text. */

type TableBlock = Extract<Block, { kind: 'table' }>;

export function readTable(rec: Recogniser, written: TableBlock) {
  if (passportTable(rec, written)) return;
  const raw = withoutEmptyRows(rec, written);
  if (!raw) return;
  // Read as one line a cell; written with its paragraphs and list items kept apart (`<br />`, mdx-writer.ts).
  const b = { ...raw, rows: raw.rows.map((row) => row.map((c) => c.replace(/\s*\n\s*/g, ' '))) };
  const head = (b.rows[0] ?? []).map((c) => c.toLowerCase());
  if (head.some((c) => /наименование роли/.test(c)) || (rec.section === 'terms' && head.some((c) => /^роль/.test(c)))) return rolesTable(rec, b);
  if (head.some((c) => /^(термин|сокращение|понятие)/.test(c))) return termsTable(rec, b, raw);
  if (head.some((c) => /наименование подразделения/.test(c))) {
    for (const row of b.rows.slice(1)) addScope(rec, row.join(' ').trim(), b);
    return;
  }
  if (
    head.some((c) => /наименование документа/.test(c)) ||
    (rec.section === 'references' && b.rows.some((row) => row.some((c) => /^(ISO|ГОСТ|IEC)\b/.test(c))))
  )
    return referencesTable(rec, b);
  rec.target.push(raw);
}

/** Roles go to the roles registry; the first roles table is replaced by the RolesTable component. */
function rolesTable(rec: Recogniser, b: TableBlock) {
  const r = rec.result;
  for (const row of b.rows.slice(1)) if (row[0]) r.roles.push({ name: row[0], definition: row.slice(1).join(' ').trim(), line: b.line });
  r.mapped.push({ field: 'roles', value: `${b.rows.length - 1} рол.`, source: at(rec, b) });
  if (!rec.rolesPlaced && r.code) rec.target.push({ kind: 'component', name: 'RolesTable', props: { document: r.code }, line: b.line });
  rec.rolesPlaced = true;
}

/** Terms are recorded and the table stays in the text. */
function termsTable(rec: Recogniser, b: TableBlock, raw: TableBlock) {
  const r = rec.result;
  for (const row of b.rows.slice(1)) if (row[0]) r.terms.push({ term: row[0], definition: row.slice(1).join(' ').trim(), line: b.line });
  r.mapped.push({ field: 'terms', value: `${b.rows.length - 1} терм.`, source: at(rec, b) });
  rec.target.push(raw);
}

/** Normative references go to `references`; the first table is replaced by the NormativeReferences component, later ones are dropped. */
function referencesTable(rec: Recogniser, b: TableBlock) {
  const r = rec.result;
  for (const row of b.rows) {
    const cell = row.find((c) => /«|^(ISO|ГОСТ|IEC|[А-ЯЁ]{1,4}-\d)/.test(c));
    if (!cell || /наименование документа/i.test(cell)) continue;
    const open = cell.indexOf('«');
    const cite = (open >= 0 ? cell.slice(0, open) : cell).trim().replace(/[,.;:]$/, '');
    const title = open >= 0 ? unquote(cell.slice(open)) : undefined;
    r.references.push({ cite, ...(title ? { title } : {}) });
  }
  r.mapped.push({ field: 'references', value: `${r.references.length} ссыл.`, source: at(rec, b) });
  if (!rec.referencesPlaced && r.code) rec.target.push({ kind: 'component', name: 'NormativeReferences', props: { document: r.code }, line: b.line });
  else drop(rec, b, 'таблица ссылок перенесена в references (компонент NormativeReferences уже стоит выше)');
  rec.referencesPlaced = true;
}

/**
 * A table without its empty rows (a sheet's lines left for handwriting: «Лист ознакомления», «ФИО | Подпись
 * | Дата»), each count reported; nothing when no cell holds text.
 */
function withoutEmptyRows(rec: Recogniser, b: TableBlock): TableBlock | undefined {
  const filled = b.rows.filter((row) => row.some((c) => c.trim()));
  if (filled.length === 0) {
    drop(rec, b, 'пустая таблица (ни одной заполненной ячейки) не переносится', `таблица ${b.rows.length} × ${b.rows[0]?.length ?? 0}`);
    return undefined;
  }
  const empty = b.rows.length - filled.length;
  if (empty === 0) return b;
  const head = `«${filled[0]!
    .filter((c) => c.trim())
    .join(' | ')
    .slice(0, 120)}»`;
  if (filled.length === 1) {
    drop(rec, b, 'бланк для заполнения от руки (заголовки и пустые строки) не переносится: ознакомление портал ведёт сам', `${head} и пустых строк ${empty}`);
    return undefined;
  }
  drop(rec, b, 'пустые строки таблицы (бланк для заполнения от руки) не переносятся; заполненные строки перенесены', `${head}: пустых строк ${empty}`);
  return { ...b, rows: filled };
}
