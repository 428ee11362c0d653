import { parseCode } from '../lib/codes.ts';
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

const PASSPORT_LABELS: Array<[RegExp, 'goals' | 'summary' | 'application' | 'development' | 'access']> = [
  [/^цел[ьи]( документа)?:?/i, 'goals'],
  [/^краткое описание( документа)?:?/i, 'summary'],
  [/^ответственн\S* за применение( НД)?:?/i, 'application'],
  [/^ответственн\S* за разработку( НД)?:?/i, 'development'],
  [/^(ограничение|уровень) доступа:?/i, 'access'],
];
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
    .split(CHECKBOX)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads passport, scope, roles, terms, references, appendices out of the blocks; the rest is the body. */
export function recognise(doc: SourceDocument, registries: Registries, options: { code?: string } = {}): Recognition {
  const r: Recognition = {
    ...(options.code ? { code: options.code } : {}),
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

  const passportTable = (b: Extract<Block, { kind: 'table' }>) => {
    const rows = b.rows.map((row) => row.filter((c) => c !== ''));
    if (!rows.some((row) => PASSPORT_LABELS.some(([re]) => re.test(row[0] ?? '')))) return false;
    for (const row of rows) {
      const label = PASSPORT_LABELS.find(([re]) => re.test(row[0] ?? ''))?.[1];
      const value = row.slice(1).join(' ').trim();
      if (!label) {
        if (row.join('').trim()) r.body.push({ kind: 'table', rows: [row], line: b.line });
        continue;
      }
      if (label === 'goals') {
        r.passport.goals = splitGoals(value);
        r.mapped.push({ field: 'passport.goals', value: `${r.passport.goals.length} цел.`, source: at(b) });
      } else if (label === 'summary') {
        r.passport.summary = value.replace(new RegExp(CHECKBOX, 'g'), '').trim();
        r.mapped.push({ field: 'passport.summary', value: r.passport.summary.slice(0, 60) + '…', source: at(b) });
      } else if (label === 'access') setAccess(value, b);
      else responsible(value, b, label === 'application' ? 'responsibleForApplication' : 'responsibleForDevelopment');
    }
    return true;
  };

  const table = (b: Extract<Block, { kind: 'table' }>) => {
    if (passportTable(b)) return;
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
        if (!r.code) r.mapped.push({ field: 'code', value: parseCode(code)!.code, source: at(b) });
        else if (r.code !== parseCode(code)!.code)
          r.guessed.push({ field: 'code', value: r.code, original: code, reason: 'код в заголовке отличается от --code; взят --code' });
        r.code ??= parseCode(code)!.code;
        r.title = undefined; // the heading with the code names the document more surely than the title page
        setTitle(text.replace(CODE_AT_END, '').trim(), b, true);
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
      if (b.kind === 'paragraph' && setTitle(text, b)) continue;
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
  return r;
}
