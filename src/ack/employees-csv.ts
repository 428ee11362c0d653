import { parse } from 'csv-parse/sync';
import { didYouMean } from '../lib/did-you-mean.ts';
import type { Employee } from './store.ts';

export interface CsvProblem {
  line: number;
  message: string;
}

export interface ParsedEmployees {
  employees: Employee[];
  problems: CsvProblem[];
}

const HEADER = ['login', 'name', 'unit', 'roles'] as const;
type Column = (typeof HEADER)[number];

/**
 * The names HR's exports give the columns, in Russian as much as in English (lower case, «ё» as «е»):
 * columns are found by name, in any order; `roles` may be missing (nobody has a role then).
 */
const COLUMN_NAMES: Record<Column, readonly string[]> = {
  login: ['login', 'логин', 'учетная запись', 'учетная запись (логин)', 'account', 'username', 'samaccountname'],
  name: ['name', 'фио', 'ф.и.о.', 'ф. и. о.', 'имя', 'сотрудник', 'full name', 'displayname'],
  unit: ['unit', 'подразделение', 'структурное подразделение', 'отдел', 'department'],
  roles: ['roles', 'роли', 'роль', 'role'],
};

const normalName = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/** Each column's index in the header, or the columns the header lacks. */
function columnsOf(header: readonly string[]): { at: Record<Column, number | undefined>; missing: Column[] } {
  const names = header.map(normalName);
  const index = (column: Column) => {
    const i = names.findIndex((n) => COLUMN_NAMES[column].includes(n));
    return i >= 0 ? i : undefined;
  };
  const at = Object.fromEntries(HEADER.map((column) => [column, index(column)])) as Record<Column, number | undefined>;
  return { at, missing: (['login', 'name', 'unit'] as const).filter((column) => at[column] === undefined) };
}

/** What the registries know, by id and by name: HR writes units and roles as people name them («Контакт-центр»). */
export interface EmployeeRegistries {
  units: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  /** The registry's names (`name`, as written there) to ids; a file's name matches in any case, «ё» as «е». */
  unitNames?: ReadonlyMap<string, string>;
  roleNames?: ReadonlyMap<string, string>;
}

/** An id of the registry for what the file wrote: the id itself, or the id of an entry with that name. */
const idFor = (written: string, ids: ReadonlySet<string>, names: ReadonlyMap<string, string>) => (ids.has(written) ? written : names.get(normalName(written)));

/** Names as the file is matched against them. */
const normalNames = (names: ReadonlyMap<string, string> | undefined) => new Map([...(names ?? [])].map(([name, id]) => [normalName(name), id]));

/** The name-to-id map of a registry's entries, for `EmployeeRegistries`. */
export const namesToIds = (entries: Iterable<{ id: string; name: string }>) => new Map([...entries].map((e) => [e.name, e.id]));

/**
 * The CSV's text: UTF-8 (with or without a BOM), or Windows-1251, which is what Excel's plain «CSV» is on
 * Russian Windows. A byte sequence that is not UTF-8 is read as Windows-1251 only when it looks like
 * Russian in it: most Cyrillic letters are then lower case (E0–FF); KOI8-R, which decodes into wrong
 * letters without an error, has its lower case at C0–DF. Anything else: undefined, and the file is refused.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1251' } | undefined {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: judged below.
  }
  let lower = 0;
  let upper = 0;
  for (const byte of bytes) {
    if (byte >= 0xe0) lower++;
    else if (byte >= 0xc0) upper++;
  }
  if (lower + upper < 2 || lower < 2 * upper) return undefined;
  return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
}
/** A login as sign-on passes it: letters, digits, dot, dash, underscore, at-sign. */
const LOGIN = /^[\p{L}\p{N}._@-]{1,128}$/u;

/**
 * HR's export `login,name,unit,roles` (roles separated by `;`). Accepts what Excel writes: a UTF-8 BOM,
 * `;` as the delimiter (then roles are in quotes), quoted fields, CRLF. Every row that does not match the
 * registries is reported with its line; the caller decides whether anything is loaded.
 */
export function parseEmployees(text: string, registries: EmployeeRegistries): ParsedEmployees {
  const problems: CsvProblem[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { employees: [], problems: [{ line: e.lines ?? 1, message: `файл не читается как CSV: ${e.message}` }] };
  }
  const [head, ...rows] = records;
  const { at, missing } = columnsOf(head?.record ?? []);
  if (missing.length) {
    const names = missing.map((column) => `«${column}» (или «${COLUMN_NAMES[column][1]}»)`).join(', ');
    return {
      employees: [],
      problems: [
        {
          line: 1,
          message: `в заголовке нет столбцов ${names}: первая строка называет столбцы, например «${HEADER.join(delimiter)}», а в файле «${(head?.record ?? []).join(delimiter)}»`,
        },
      ],
    };
  }
  const width = (head?.record ?? []).length;
  // A close id or a close name («Контакт центр» → «Контакт-центр»).
  const unitCandidates = [...registries.units, ...(registries.unitNames?.keys() ?? [])];
  const roleCandidates = [...registries.roles, ...(registries.roleNames?.keys() ?? [])];
  const [unitByName, roleByName] = [normalNames(registries.unitNames), normalNames(registries.roleNames)];
  const seen = new Map<string, number>();
  const employees: Employee[] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (column: Column) => (at[column] === undefined ? '' : (record[at[column]] ?? ''));
    const [login, name, written, roleText] = [cell('login'), cell('name'), cell('unit'), cell('roles')];
    const wrong: string[] = [];
    if (record.length > width)
      wrong.push(`лишние столбцы (${record.length} вместо ${width}); роли перечисляются через «;» в одном столбце${delimiter === ';' ? ' в кавычках' : ''}`);
    if (!login) wrong.push('нет логина');
    else if (!LOGIN.test(login)) wrong.push(`логин «${login}» содержит недопустимые символы: буквы, цифры, точка, дефис, подчёркивание, @`);
    else if (seen.has(login.toLowerCase())) wrong.push(`логин «${login}» уже встречался в строке ${seen.get(login.toLowerCase())}`);
    if (!name) wrong.push('нет ФИО');
    const unit = idFor(written, registries.units, unitByName) ?? written;
    if (!written) wrong.push('нет подразделения');
    else if (!registries.units.has(unit))
      wrong.push(
        `подразделение «${written}» не найдено в реестре registries/units.json ни по идентификатору, ни по названию${didYouMean(written, unitCandidates)}`,
      );
    const list = roleText
      .split(/[;,]/)
      .map((r) => r.trim())
      .filter(Boolean)
      .map((role) => idFor(role, registries.roles, roleByName) ?? role);
    for (const role of list)
      if (!registries.roles.has(role))
        wrong.push(`роль «${role}» не найдена в реестре registries/roles.json ни по идентификатору, ни по названию${didYouMean(role, roleCandidates)}`);
    if (login && !seen.has(login.toLowerCase())) seen.set(login.toLowerCase(), line);
    if (wrong.length) problems.push({ line, message: wrong.join('; ') });
    else employees.push({ login, name, unit, roles: list });
  }
  if (rows.length === 0) problems.push({ line: 1, message: 'в файле нет ни одного сотрудника — только заголовок' });
  return { employees, problems };
}
