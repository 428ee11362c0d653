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
export function parseEmployees(text: string, registries: { units: ReadonlySet<string>; roles: ReadonlySet<string> }): ParsedEmployees {
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
  const columns = (head?.record ?? []).map((c) => c.toLowerCase());
  if (HEADER.some((name, i) => columns[i] !== name)) {
    return {
      employees: [],
      problems: [{ line: 1, message: `первая строка должна быть заголовком «${HEADER.join(delimiter)}», а в файле «${(head?.record ?? []).join(delimiter)}»` }],
    };
  }
  const units = [...registries.units];
  const roles = [...registries.roles];
  const seen = new Map<string, number>();
  const employees: Employee[] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    const [login = '', name = '', unit = '', roleText = ''] = record;
    const wrong: string[] = [];
    if (record.length > HEADER.length)
      wrong.push(
        `лишние столбцы (${record.length} вместо ${HEADER.length}); роли перечисляются через «;» в одном столбце${delimiter === ';' ? ' в кавычках' : ''}`,
      );
    if (!login) wrong.push('нет логина');
    else if (!LOGIN.test(login)) wrong.push(`логин «${login}» содержит недопустимые символы: буквы, цифры, точка, дефис, подчёркивание, @`);
    else if (seen.has(login.toLowerCase())) wrong.push(`логин «${login}» уже встречался в строке ${seen.get(login.toLowerCase())}`);
    if (!name) wrong.push('нет ФИО');
    if (!unit) wrong.push('нет подразделения');
    else if (!registries.units.has(unit)) wrong.push(`подразделение «${unit}» не найдено в реестре registries/units.json${didYouMean(unit, units)}`);
    const list = roleText
      .split(/[;,]/)
      .map((r) => r.trim())
      .filter(Boolean);
    for (const role of list) if (!registries.roles.has(role)) wrong.push(`роль «${role}» не найдена в реестре registries/roles.json${didYouMean(role, roles)}`);
    if (login && !seen.has(login.toLowerCase())) seen.set(login.toLowerCase(), line);
    if (wrong.length) problems.push({ line, message: wrong.join('; ') });
    else employees.push({ login, name, unit, roles: list });
  }
  if (rows.length === 0) problems.push({ line: 1, message: 'в файле нет ни одного сотрудника — только заголовок' });
  return { employees, problems };
}
