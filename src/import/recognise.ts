import { CODE_SEPARATORS, cyrillicPrefixFor, parseCode } from '../lib/codes.ts';
import type { Passport } from '../schemas/document.ts';
import { blockText, CHECKBOX, plain, type Block, type Removal, type SourceDocument } from './blocks.ts';
import { headingLevel, recase, vocabulary } from './headings.ts';
import { matchAccess, matchUnit, type Registries } from './registries.ts';

/** A field taken from the input, and where from. */
export interface Mapped {
  field: string;
  value: string;
  source: string;
}
/** A value the importer could not read exactly: its guess and the original text. */
export interface Guess {
  field: string;
  value: string;
  original: string;
  reason: string;
}

export interface Recognition {
  code?: string;
  /** Where the code was found: «верхний колонтитул», «таблица паспорта», «заголовок», «имя файла», «--code». */
  codeSource?: string;
  version?: string;
  approved?: string;
  effective?: string;
  act?: string;
  title?: string;
  access?: string;
  passport: Partial<Passport>;
  references: Array<{ cite: string; title?: string }>;
  roles: Array<{ name: string; definition: string; line: number }>;
  terms: Array<{ term: string; definition: string; line: number }>;
  appendices: Array<{ number: number; title: string; blocks: Block[] }>;
  body: Block[];
  mapped: Mapped[];
  guessed: Guess[];
  dropped: Removal[];
}

type Section = 'title' | 'passport' | 'scope' | 'terms' | 'references' | 'other';
type Label = 'goals' | 'summary' | 'application' | 'development' | 'access' | 'code' | 'title' | 'approved' | 'effective' | 'owner' | 'version' | 'act';

const PASSPORT_LABELS: Array<[RegExp, Label]> = [
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
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** «15.03.2024» or «15 марта 2024 г.» → 2024-03-15. */
export function parseDate(text: string): string | undefined {
  const numeric = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(text);
  const worded = new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})`, 'i').exec(text);
  const [d, m, y] = numeric ? [numeric[1], numeric[2], numeric[3]] : worded ? [worded[1], String(MONTHS.indexOf(worded[2]!.toLowerCase()) + 1), worded[3]] : [];
  if (!d || !m || !y) return undefined;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

const CODE_ANYWHERE = new RegExp(`(?<![A-Za-zА-ЯЁа-яё0-9])([А-ЯЁA-Z]{1,4})[${CODE_SEPARATORS}]?(\\d{1,4})(?![0-9])`, 'g');

/** The first document code in a text whose prefix is a document type of the registry (Latin look-alikes read as Cyrillic). */
export function findCode(text: string, prefixes: string[]): string | undefined {
  for (const m of text.matchAll(CODE_ANYWHERE)) {
    const prefix = /[A-Z]/.test(m[1]!) ? cyrillicPrefixFor(m[1]!, prefixes) : m[1]!;
    if (!prefix || (prefixes.length > 0 && !prefixes.includes(prefix))) continue;
    const parsed = parseCode(`${prefix}-${m[2]}`);
    if (parsed) return parsed.code;
  }
  return undefined;
}

/** «приказом ПАО «МТС» от 15.03.2024 № 112» → «Приказ ПАО «МТС» от 15.03.2024 № 112». */
const ACT_FORMS: Record<string, string> = {
  приказом: 'Приказ',
  распоряжением: 'Распоряжение',
  решением: 'Решение',
  постановлением: 'Постановление',
  протоколом: 'Протокол',
};
export function actOf(text: string): string | undefined {
  const rest = text.replace(/^\s*утвержд[её]н[оаы]?\s*:?\s*/i, '').trim();
  const m = /^(приказом|распоряжением|решением|постановлением|протоколом)(?![а-яё])\s*(.*)$/i.exec(rest);
  if (!m) return /№|\d{2}\.\d{2}\.\d{4}/.test(rest) ? rest : undefined;
  return `${ACT_FORMS[m[1]!.toLowerCase()]} ${m[2]}`.trim();
}
const SECTION_OF: Array<[RegExp, Section]> = [
  [/информация о документе|паспорт документа/i, 'passport'],
  [/область применения/i, 'scope'],
  [/определени\S* терминов|термины и определения|терминов и ролей|сокращени/i, 'terms'],
  [/нормативные ссылки|внешние документы|внутренние документы/i, 'references'],
];
/** Sentences the portal shows itself on every document page: not imported twice. */
const PORTAL_TEXT = [
  /^Действующие версии НД размещены/i,
  /^Настоящий документ регламентирует деятельность следующих/i,
  /^\\?\*\s*[-–—]\s*для внедрения НД необходима адаптация/i,
];
const CODE_AT_END = /([А-ЯЁ]{1,4}[-‐‑–][0-9]{1,4})\s*$/;
const APPENDIX = /^Приложение\s+(?:№\s*)?(\d+)\.?\s*(.*)$/i;

const unquote = (s: string) => {
  const open = s.indexOf('«');
  const close = s.lastIndexOf('»');
  return open >= 0 && close > open ? s.slice(open + 1, close).trim() : s.trim();
};
const splitGoals = (cell: string) =>
  cell
    .replace(/\n/g, CHECKBOX)
    .replace(/(?:^|\s)(?:[-•–—*]|\d{1,2}[.)])\s+(?=\S)/g, CHECKBOX)
    .split(CHECKBOX)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads passport, scope, roles, terms, references, appendices out of the blocks; the rest is the body. */
export function recognise(doc: SourceDocument, registries: Registries, options: { code?: string; fileName?: string } = {}): Recognition {
  const prefixes = registries.types.map((t) => t.prefix);
  const found: Array<{ code: string; source: string }> = [];
  if (options.code) found.push({ code: options.code, source: '--code' });
  for (const run of doc.running ?? []) {
    const code = findCode(run.text, prefixes);
    if (code) found.push({ code, source: `${run.kind}: «${run.text}»` });
  }
  const r: Recognition = {
    ...(found[0] ? { code: found[0].code } : {}),
    passport: {},
    references: [],
    roles: [],
    terms: [],
    appendices: [],
    body: [],
    mapped: [],
    guessed: [],
    dropped: [],
  };
  const at = (b: { line: number; page?: number }) => `${b.page ? `с. ${b.page}, ` : ''}${doc.unit} ${b.line}`;
  const drop = (b: Block, reason: string) =>
    r.dropped.push({ line: b.line, ...(b.page ? { page: b.page } : {}), text: blockText(b).replace(/\s+/g, ' ').slice(0, 300), reason });
  const typeNames = registries.types.map((t) => t.name);
  const words = vocabulary(doc.blocks);
  const bodyText = doc.blocks
    .filter((b) => b.kind !== 'heading')
    .map(blockText)
    .join('\n');
  const firstHeading = doc.blocks.findIndex((b) => b.kind === 'heading');
  let section: Section = firstHeading > 0 ? 'title' : 'other';
  let scopeHeader = false;
  let rolesPlaced = false;
  let codeHeading = false;
  let referencesPlaced = false;
  let target = r.body;

  const setTitle = (text: string, b: Block, force = false) => {
    const type = typeNames.find((t) => text.startsWith(`${t} «`) || text.startsWith(`${t} "`));
    if ((!type && !force) || r.title) return false;
    r.title = unquote(text.replace(CODE_AT_END, ''));
    r.mapped.push({ field: 'title', value: r.title, source: at(b) });
    return true;
  };
  const setAccess = (text: string, b: Block) => {
    const match = matchAccess(text, registries.accessLevels);
    if (!match) {
      r.guessed.push({ field: 'access', value: 'internal', original: text, reason: 'уровень доступа не найден в access-levels.json; взят «internal»' });
      r.access ??= 'internal';
      return;
    }
    if (!match.exact)
      r.guessed.push({ field: 'access', value: match.id, original: text, reason: 'нет точного совпадения с access-levels.json, взят ближайший' });
    if (!r.access || match.exact) r.access = match.id;
    r.mapped.push({ field: 'access', value: match.id, source: `${at(b)}: «${text}»` });
  };
  const responsible = (text: string, b: Block, field: 'responsibleForApplication' | 'responsibleForDevelopment') => {
    const match = matchUnit(text, registries.units);
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
        reason: `точного совпадения в units.json нет; ближайшее «${registries.units.find((u) => u.id === match.id)?.name}» (${Math.round(match.score * 100)} % слов)`,
      });
    r.passport[field] = { unit: match.id, ...(match.rest ? { position: match.rest } : {}) };
    r.mapped.push({ field: `passport.${field}`, value: `${match.id}${match.rest ? ` / ${match.rest}` : ''}`, source: `${at(b)}: «${text}»` });
  };
  const addScope = (name: string, b: Block) => {
    const adaptation = /\*\s*$/.test(name);
    const clean = name.replace(/\s*\\?\*\s*$/, '').trim();
    if (!clean) return;
    (r.passport.scope ??= []).push({ name: clean, adaptation });
    r.mapped.push({ field: 'passport.scope', value: clean + (adaptation ? ' *' : ''), source: at(b) });
  };

  const labelOf = (row: string[]): { label: Label; value: string } | undefined => {
    for (let n = 1; n <= Math.min(2, row.length - 1); n++) {
      const head = row.slice(0, n).join(' ').trim();
      const label = PASSPORT_LABELS.find(([re]) => re.test(head))?.[1] ?? TABLE_LABELS.find(([re]) => re.test(head))?.[1];
      if (label) {
        const value = [...new Set(row.slice(n))].join(' ').trim();
        return { label, value: label === 'goals' ? value : value.replace(/\s*\n\s*/g, ' ') };
      }
    }
    return undefined;
  };
  const setField = (label: Label, value: string, b: Block, original: string) => {
    const source = `${at(b)}: «${original}»`;
    const date = (field: 'approved' | 'effective') => {
      const iso = parseDate(value);
      if (iso) {
        r[field] = iso;
        r.mapped.push({ field, value: iso, source });
      } else r.guessed.push({ field, value: '', original: value, reason: 'дата не прочитана: ожидалось ДД.ММ.ГГГГ или «15 марта 2024 г.»' });
    };
    switch (label) {
      case 'goals':
        r.passport.goals = splitGoals(value);
        r.mapped.push({ field: 'passport.goals', value: `${r.passport.goals.length} цел.`, source: at(b) });
        break;
      case 'summary':
        r.passport.summary = value.replace(new RegExp(CHECKBOX, 'g'), '').trim();
        r.mapped.push({ field: 'passport.summary', value: r.passport.summary.slice(0, 60) + '…', source: at(b) });
        break;
      case 'access':
        setAccess(value, b);
        break;
      case 'application':
      case 'development':
        responsible(value, b, label === 'application' ? 'responsibleForApplication' : 'responsibleForDevelopment');
        break;
      case 'owner':
        responsible(value, b, 'responsibleForDevelopment');
        break;
      case 'code': {
        const code = findCode(value, prefixes) ?? parseCode(value)?.code;
        if (code) found.push({ code, source: `таблица паспорта, ${source}` });
        else r.guessed.push({ field: 'code', value: '', original: value, reason: 'код в таблице паспорта не прочитан' });
        break;
      }
      case 'title':
        if (!r.title && value) {
          r.title = unquote(value);
          r.mapped.push({ field: 'title', value: r.title, source });
        }
        break;
      case 'approved':
      case 'effective':
        date(label);
        break;
      case 'version':
        if (/^\d+(\.\d+)*$/.test(value)) {
          r.version = value;
          r.mapped.push({ field: 'version', value, source });
        } else r.guessed.push({ field: 'version', value: '', original: value, reason: 'номер редакции не прочитан: ожидались числа через точку' });
        break;
      case 'act': {
        const act = actOf(value);
        if (act) setAct(act, b, original);
        break;
      }
    }
  };
  const setAct = (act: string, b: Block, original: string) => {
    r.act = act;
    r.mapped.push({ field: 'act', value: act, source: `${at(b)}: «${original}»` });
    const iso = parseDate(act);
    if (iso && !r.approved) {
      r.approved = iso;
      r.mapped.push({ field: 'approved', value: iso, source: `${at(b)}: дата акта` });
    }
  };

  const passportTable = (b: Extract<Block, { kind: 'table' }>) => {
    const rows = b.rows.map((row) => row.filter((c) => c !== ''));
    const strong = rows.some((row) => PASSPORT_LABELS.some(([re]) => re.test(row[0] ?? '')));
    const labelled = rows.filter((row) => labelOf(row)).length;
    if (!strong && labelled < 2) return false;
    for (const row of rows) {
      const hit = labelOf(row);
      if (!hit) {
        const text = row.join(' | ').trim();
        if (!text) continue;
        if (row.length === 1 || /^(поле|параметр|реквизит)$/i.test(row[0] ?? '')) {
          drop({ ...b, rows: [row] }, 'строка-заголовок таблицы паспорта');
          continue;
        }
        r.guessed.push({
          field: 'passport',
          value: '',
          original: text,
          reason: `поле паспорта «${row[0]}» не переносится в свойства: оставлено в тексте таблицей`,
        });
        r.body.push({ kind: 'table', rows: [row.map((c) => c.replace(/\s*\n\s*/g, ' '))], line: b.line });
        continue;
      }
      setField(hit.label, hit.value, b, row.join(' | '));
    }
    return true;
  };

  const table = (raw: Extract<Block, { kind: 'table' }>) => {
    if (passportTable(raw)) return;
    // Paragraphs inside cells matter only to the passport's goals: elsewhere a cell is one line.
    const b = { ...raw, rows: raw.rows.map((row) => row.map((c) => c.replace(/\s*\n\s*/g, ' '))) };
    const head = (b.rows[0] ?? []).map((c) => c.toLowerCase());
    if (head.some((c) => /наименование роли/.test(c)) || (section === 'terms' && head.some((c) => /^роль/.test(c)))) {
      for (const row of b.rows.slice(1)) if (row[0]) r.roles.push({ name: row[0], definition: row.slice(1).join(' ').trim(), line: b.line });
      r.mapped.push({ field: 'roles', value: `${b.rows.length - 1} рол.`, source: at(b) });
      if (!rolesPlaced && r.code) target.push({ kind: 'component', name: 'RolesTable', props: { document: r.code }, line: b.line });
      rolesPlaced = true;
      return;
    }
    if (head.some((c) => /^(термин|сокращение|понятие)/.test(c))) {
      for (const row of b.rows.slice(1)) if (row[0]) r.terms.push({ term: row[0], definition: row.slice(1).join(' ').trim(), line: b.line });
      r.mapped.push({ field: 'terms', value: `${b.rows.length - 1} терм.`, source: at(b) });
      target.push(b);
      return;
    }
    if (head.some((c) => /наименование подразделения/.test(c))) {
      for (const row of b.rows.slice(1)) addScope(row.join(' ').trim(), b);
      return;
    }
    if (
      head.some((c) => /наименование документа/.test(c)) ||
      (section === 'references' && b.rows.some((row) => row.some((c) => /^(ISO|ГОСТ|IEC)\b/.test(c))))
    ) {
      for (const row of b.rows) {
        const cell = row.find((c) => /«|^(ISO|ГОСТ|IEC|[А-ЯЁ]{1,4}-\d)/.test(c));
        if (!cell || /наименование документа/i.test(cell)) continue;
        const open = cell.indexOf('«');
        const cite = (open >= 0 ? cell.slice(0, open) : cell).trim().replace(/[,.;:]$/, '');
        const title = open >= 0 ? unquote(cell.slice(open)) : undefined;
        r.references.push({ cite, ...(title ? { title } : {}) });
      }
      r.mapped.push({ field: 'references', value: `${r.references.length} ссыл.`, source: at(b) });
      if (!referencesPlaced && r.code) target.push({ kind: 'component', name: 'NormativeReferences', props: { document: r.code }, line: b.line });
      else drop(b, 'таблица ссылок перенесена в references (компонент NormativeReferences уже стоит выше)');
      referencesPlaced = true;
      return;
    }
    target.push(b);
  };

  for (const [i, b] of doc.blocks.entries()) {
    if (b.kind === 'heading') {
      const text = plain(b.inlines);
      const code = CODE_AT_END.exec(text)?.[1];
      if (code && !codeHeading && parseCode(code)) {
        codeHeading = true;
        found.push({ code: parseCode(code)!.code, source: `заголовок, ${at(b)}: «${text}»` });
        r.code ??= parseCode(code)!.code;
        r.title = undefined; // the heading with the code names the document more surely than the title page
        setTitle(text.replace(CODE_AT_END, '').trim(), b, true);
        section = 'other';
        continue;
      }
      if (i === firstHeading && b.level === 1 && !/^\d/.test(text) && !APPENDIX.test(text) && !SECTION_OF.some(([re]) => re.test(text))) {
        const headingCode = findCode(text, prefixes);
        if (headingCode) found.push({ code: headingCode, source: `заголовок, ${at(b)}: «${text}»` });
        const name = text.replace(CODE_ANYWHERE, '').replace(/^[\s·|–—-]+|[\s·|–—-]+$/g, '');
        if (!r.title) setTitle(name, b, true);
        drop(b, `наименование документа (заголовок 1-го уровня): портал показывает его сам${r.title === unquote(name) ? '' : `; в свойствах — «${r.title}»`}`);
        section = 'other';
        continue;
      }
      const appendix = APPENDIX.exec(text.replace(/^\d+(\.\d+)*\.?\s+/, ''));
      if (appendix) {
        const entry = {
          number: Number(appendix[1]),
          title: unquote(appendix[2]!.replace(/^[.:–—-]\s*/, '')) || `Приложение ${appendix[1]}`,
          blocks: [] as Block[],
        };
        r.appendices.push(entry);
        target = entry.blocks;
        r.mapped.push({ field: `appendices/${entry.number}`, value: entry.title, source: at(b) });
        section = 'other';
        continue;
      }
      section = SECTION_OF.find(([re]) => re.test(text))?.[1] ?? 'other';
      if (section === 'passport' || section === 'scope') {
        drop(b, 'заголовок раздела, который портал выводит сам из паспорта');
        continue;
      }
      target.push({ ...b, level: headingLevel(text, b.level), inlines: recase(b.inlines, words, bodyText) });
      continue;
    }
    if (section === 'title' && i < firstHeading) {
      const text = blockText(b).trim();
      if (b.kind === 'paragraph' && /^утвержд[её]н[оаы]?(?![а-яё])/i.test(text)) {
        const act = actOf(text);
        if (act) setAct(act, b, text);
        else drop(b, 'блок «УТВЕРЖДЕНО» без акта и даты: не переносится');
        continue;
      }
      if (b.kind === 'paragraph' && /^(согласовано|согласован[аы]?|лист согласования)(?![а-яё])/i.test(text)) {
        drop(b, 'блок «СОГЛАСОВАНО»: согласования портал не показывает, храните лист согласования вместе с приказом');
        continue;
      }
      if (b.kind === 'paragraph' && setTitle(text, b)) continue;
      const labelled = b.kind === 'paragraph' ? /^([^:]{3,40}):\s*(.+)$/.exec(text) : null;
      const hit = labelled ? labelOf([labelled[1]!, labelled[2]!]) : undefined;
      if (hit) {
        setField(hit.label, hit.value, b, text);
        continue;
      }
      const pageCode = b.kind === 'paragraph' ? findCode(text, prefixes) : undefined;
      if (pageCode) found.push({ code: pageCode, source: `титульный лист, ${at(b)}: «${text}»` });
      if (b.kind === 'paragraph' && matchAccess(text, registries.accessLevels)?.exact) {
        setAccess(text, b);
        continue;
      }
      if (b.kind === 'table' && passportTable(b)) continue;
      drop(b, 'титульный лист (логотип, слоган, оформление)');
      continue;
    }
    if (b.kind === 'table') {
      table(b);
      continue;
    }
    const text = blockText(b).trim();
    // A passport row that lost its table (PDF text): «Ответственный за применение НД Департамент…».
    const label = b.kind === 'paragraph' ? PASSPORT_LABELS.find(([re]) => re.test(text))?.[0].exec(text)?.[0] : undefined;
    if (
      label &&
      passportTable({ kind: 'table', rows: [[label.replace(/:$/, ''), text.slice(label.length).trim()]], line: b.line, ...(b.page ? { page: b.page } : {}) })
    )
      continue;
    if (PORTAL_TEXT.some((re) => re.test(text))) {
      drop(b, 'типовой текст, который портал показывает сам на странице документа');
      continue;
    }
    if (section === 'scope' && b.kind === 'paragraph') {
      if (/наименование подразделения/i.test(text)) scopeHeader = true;
      else if (scopeHeader) addScope(text, b);
      else target.push(b);
      continue;
    }
    if (section === 'scope' && b.kind === 'list') {
      for (const item of b.items) addScope(plain(item.inlines), b);
      continue;
    }
    target.push(b);
  }
  chooseCode(r, found, options.fileName, prefixes);
  return r;
}

/** Where a code may stand, surest first: a parameter, a page header or footer, the passport table, the title, the file name. */
const CODE_RANK = ['--code', 'верхний колонтитул', 'нижний колонтитул', 'колонтитул', 'таблица паспорта', 'заголовок', 'титульный лист', 'имя файла'];

function chooseCode(r: Recognition, found: Array<{ code: string; source: string }>, fileName: string | undefined, prefixes: string[]) {
  if (fileName) {
    const base = fileName.replace(/\.[^.]+$/, '');
    const code = findCode(base.toUpperCase(), prefixes);
    if (code) found.push({ code, source: `имя файла «${fileName}»` });
  }
  const rank = (source: string) => CODE_RANK.findIndex((k) => source.startsWith(k));
  const sorted = [...found].sort((a, b) => rank(a.source) - rank(b.source));
  const best = sorted[0];
  if (!best) return;
  const used = r.code;
  r.code = best.code;
  r.codeSource = best.source;
  r.mapped.unshift({ field: 'code', value: best.code, source: best.source });
  for (const other of sorted.slice(1)) {
    if (other.code !== best.code)
      r.guessed.push({
        field: 'code',
        value: best.code,
        original: `${other.code} (${other.source})`,
        reason: `код здесь другой; взят код из источника «${best.source}»`,
      });
  }
  if (used && used !== best.code) {
    for (const b of [...r.body, ...r.appendices.flatMap((a) => a.blocks)])
      if (b.kind === 'component' && b.props.document === used) b.props.document = best.code;
  }
}
