import { parseCode } from '../../lib/codes.ts';
import { CHECKBOX, CHECKED, type Block } from '../blocks.ts';
import { matchAccess, matchUnit } from '../registries.ts';
import { at, drop, type Recogniser } from './state.ts';
import { actOf, CODE_AT_END, findCode, parseDate, splitGoals, unquote } from './values.ts';

/** The passport's fields: read from its table, from «Поле: значение» lines of the title page, or from rows that lost their table. */

type Label = 'goals' | 'summary' | 'application' | 'development' | 'access' | 'code' | 'title' | 'approved' | 'effective' | 'owner' | 'version' | 'act';
type TableBlock = Extract<Block, { kind: 'table' }>;

/** Labels only a passport has: one of them makes a table the passport. */
export const PASSPORT_LABELS: Array<[RegExp, Label]> = [
  [/^цел[ьи]( документа)?:?/i, 'goals'],
  [/^краткое описание( документа)?:?/i, 'summary'],
  [/^ответственн\S* за применение( НД)?:?/i, 'application'],
  [/^ответственн\S* за разработку( НД)?:?/i, 'development'],
  [/^(ограничение|уровень|категория) доступа:?/i, 'access'],
];
/** Labels of the usual two-column passport table («Код | ПЛ-007»); a table needs two of them to count. */
const TABLE_LABELS: Array<[RegExp, Label]> = [
  [/^(код|шифр|обозначение)( документа)?:?$/i, 'code'],
  [/^(название|наименование)( документа)?:?$/i, 'title'],
  [/^дат[аы]\s+утверждения:?$/i, 'approved'],
  [/^дат[аы]\s+(введения|вступления)( в действие| в силу)?:?$/i, 'effective'],
  [/^(владелец|подразделение[- ]владелец|владелец документа|ответственное подразделение):?$/i, 'owner'],
  [/^(редакция|версия|номер редакции):?$/i, 'version'],
  [/^гриф( (доступа|конфиденциальности))?:?$/i, 'access'],
  [/^утвержд[её]н[оаы]?:?$|^(распорядительный документ|приказ об утверждении):?$/i, 'act'],
];

/** The label of a row (its first one or two cells) and the value after it. */
export function labelOf(row: string[]): { label: Label; value: string } | undefined {
  for (let n = 1; n <= Math.min(2, row.length - 1); n++) {
    const head = row.slice(0, n).join(' ').trim();
    const label = PASSPORT_LABELS.find(([re]) => re.test(head))?.[1] ?? TABLE_LABELS.find(([re]) => re.test(head))?.[1];
    if (label) {
      const value = [...new Set(row.slice(n))].join(' ').trim();
      return { label, value: label === 'goals' ? value : value.replace(/\s*\n\s*/g, ' ') };
    }
  }
  return undefined;
}

const CODE_AT_START = /^[А-ЯЁ]{1,4}[-‐‑–][0-9]{1,4}\s+/;

/** The title from «Политика «…»» (a type name of the registry, then a quoted name); `force` takes any text. Only the first one counts. */
export function setTitle(rec: Recogniser, written: string, b: Block, force = false): boolean {
  const r = rec.result;
  // The code may stand before the type as well as after the name («РК-375 Руководство «Журнал смены»»).
  const text = written.replace(CODE_AT_START, '');
  const type = rec.typeNames.find((t) => text.startsWith(`${t} «`) || text.startsWith(`${t} "`));
  if ((!type && !force) || r.title) return false;
  r.title = unquote(text.replace(CODE_AT_END, ''));
  r.mapped.push({ field: 'title', value: r.title, source: at(rec, b) });
  return true;
}

export function setAccess(rec: Recogniser, written: string, b: Block) {
  const r = rec.result;
  // A form's choice («☒ Для внутреннего использования ☐ Для неограниченного доступа»): the ticked one.
  const text = written.includes(CHECKED) ? written.split(CHECKED)[1]!.split(CHECKBOX)[0]!.trim() : written.replace(new RegExp(CHECKBOX, 'g'), ' ').trim();
  const match = matchAccess(text, rec.registries.accessLevels);
  if (!match) {
    r.guessed.push({ field: 'access', value: 'internal', original: text, reason: 'уровень доступа не найден в access-levels.json; взят «internal»' });
    r.access ??= 'internal';
    return;
  }
  if (!match.exact) r.guessed.push({ field: 'access', value: match.id, original: text, reason: 'нет точного совпадения с access-levels.json, взят ближайший' });
  if (!r.access || match.exact) r.access = match.id;
  r.mapped.push({ field: 'access', value: match.id, source: `${at(rec, b)}: «${text}»` });
}

/** A responsible unit (and position) matched against units.json. */
function setResponsible(rec: Recogniser, text: string, b: Block, field: 'responsibleForApplication' | 'responsibleForDevelopment') {
  const r = rec.result;
  const match = matchUnit(text, rec.registries.units);
  if (!match) {
    r.guessed.push({
      field: `passport.${field}.unit`,
      value: '',
      original: text,
      reason: 'подразделение не найдено в units.json: добавьте его в реестр или выберите существующее',
    });
    return;
  }
  if (!match.exact)
    r.guessed.push({
      field: `passport.${field}.unit`,
      value: match.id,
      original: text,
      reason: `точного совпадения в units.json нет; ближайшее «${rec.registries.units.find((u) => u.id === match.id)?.name}» (${Math.round(match.score * 100)} % слов)`,
    });
  r.passport[field] = { unit: match.id, ...(match.rest ? { position: match.rest } : {}) };
  r.mapped.push({ field: `passport.${field}`, value: `${match.id}${match.rest ? ` / ${match.rest}` : ''}`, source: `${at(rec, b)}: «${text}»` });
}

/** One unit of the scope; a trailing «*» marks that it must adapt the document first. */
export function addScope(rec: Recogniser, name: string, b: Block) {
  const adaptation = /\*\s*$/.test(name);
  const clean = name.replace(/\s*\\?\*\s*$/, '').trim();
  if (!clean) return;
  (rec.result.passport.scope ??= []).push({ name: clean, adaptation });
  rec.result.mapped.push({ field: 'passport.scope', value: clean + (adaptation ? ' *' : ''), source: at(rec, b) });
}

/** The approving act; its date is the approval date unless one was read already. */
export function setAct(rec: Recogniser, act: string, b: Block, original: string) {
  const r = rec.result;
  r.act = act;
  r.mapped.push({ field: 'act', value: act, source: `${at(rec, b)}: «${original}»` });
  const iso = parseDate(act);
  if (iso && !r.approved) {
    r.approved = iso;
    r.mapped.push({ field: 'approved', value: iso, source: `${at(rec, b)}: дата акта` });
  }
}

/** A labelled value: `source` says where it stands and `original` quotes the text it was read from. */
interface Field {
  value: string;
  b: Block;
  source: string;
  original: string;
}

function setDate(rec: Recogniser, field: 'approved' | 'effective', { value, source }: Field) {
  const iso = parseDate(value);
  if (iso) {
    rec.result[field] = iso;
    rec.result.mapped.push({ field, value: iso, source });
  } else rec.result.guessed.push({ field, value: '', original: value, reason: 'дата не прочитана: ожидалось ДД.ММ.ГГГГ или «15 марта 2024 г.»' });
}

/** What each label sets. */
const FIELD_SETTERS: Record<Label, (rec: Recogniser, field: Field) => void> = {
  goals: (rec, { value, b }) => {
    rec.result.passport.goals = splitGoals(value);
    rec.result.mapped.push({ field: 'passport.goals', value: `${rec.result.passport.goals.length} цел.`, source: at(rec, b) });
  },
  summary: (rec, { value, b }) => {
    rec.result.passport.summary = value.replace(new RegExp(`${CHECKBOX}${CHECKED}?`, 'g'), '').trim();
    rec.result.mapped.push({ field: 'passport.summary', value: rec.result.passport.summary.slice(0, 60) + '…', source: at(rec, b) });
  },
  access: (rec, { value, b }) => setAccess(rec, value, b),
  application: (rec, { value, b }) => setResponsible(rec, value, b, 'responsibleForApplication'),
  development: (rec, { value, b }) => setResponsible(rec, value, b, 'responsibleForDevelopment'),
  owner: (rec, { value, b }) => setResponsible(rec, value, b, 'responsibleForDevelopment'),
  code: (rec, { value, source }) => {
    const code = findCode(value, rec.prefixes) ?? parseCode(value)?.code;
    if (code) rec.found.push({ code, source: `таблица паспорта, ${source}` });
    else rec.result.guessed.push({ field: 'code', value: '', original: value, reason: 'код в таблице паспорта не прочитан' });
  },
  title: (rec, { value, source }) => {
    if (rec.result.title || !value) return;
    rec.result.title = unquote(value);
    rec.result.mapped.push({ field: 'title', value: rec.result.title, source });
  },
  approved: (rec, field) => setDate(rec, 'approved', field),
  effective: (rec, field) => setDate(rec, 'effective', field),
  version: (rec, { value, source }) => {
    if (/^\d+(\.\d+)*$/.test(value)) {
      rec.result.version = value;
      rec.result.mapped.push({ field: 'version', value, source });
    } else rec.result.guessed.push({ field: 'version', value: '', original: value, reason: 'номер редакции не прочитан: ожидались числа через точку' });
  },
  act: (rec, { value, b, original }) => {
    const act = actOf(value);
    if (act) setAct(rec, act, b, original);
  },
};

export function setField(rec: Recogniser, label: Label, value: string, b: Block, original: string) {
  FIELD_SETTERS[label](rec, { value, b, source: `${at(rec, b)}: «${original}»`, original });
}

/** Reads a table as the passport when it is one (a passport-only label, or two labels of any kind); false when it is not. */
export function passportTable(rec: Recogniser, b: TableBlock): boolean {
  const rows = b.rows.map((row) => row.filter((c) => c !== ''));
  const strong = rows.some((row) => PASSPORT_LABELS.some(([re]) => re.test(row[0] ?? '')));
  const labelled = rows.filter((row) => labelOf(row)).length;
  if (!strong && labelled < 2) return false;
  for (const row of rows) {
    const hit = labelOf(row);
    if (hit) setField(rec, hit.label, hit.value, b, row.join(' | '));
    else unlabelledRow(rec, b, row);
  }
  return true;
}

/** A passport row with no known label: a header row is dropped, anything else stays in the text as a one-row table. */
function unlabelledRow(rec: Recogniser, b: TableBlock, row: string[]) {
  const text = row.join(' | ').trim();
  if (!text) return;
  if (row.length === 1 || /^(поле|параметр|реквизит)$/i.test(row[0] ?? '')) {
    drop(rec, { ...b, rows: [row] }, 'строка-заголовок таблицы паспорта');
    return;
  }
  rec.result.guessed.push({
    field: 'passport',
    value: '',
    original: text,
    reason: `поле паспорта «${row[0]}» не переносится в свойства: оставлено в тексте таблицей`,
  });
  rec.result.body.push({ kind: 'table', rows: [row.map((c) => c.replace(/\s*\n\s*/g, ' '))], line: b.line });
}

/** A filled-in form's choice of access level as a list («☒ Для внутреннего использования», «☐ …»): the ticked level, when it is one. */
export function tickedAccess(rec: Recogniser, b: Extract<Block, { kind: 'list' }>) {
  for (const item of b.items) {
    const text = item.inlines.map((i) => i.text).join('');
    if (!text.startsWith('☒ ')) continue;
    if (matchAccess(text.slice(2), rec.registries.accessLevels)?.exact) return setAccess(rec, text.slice(2), b);
  }
}
