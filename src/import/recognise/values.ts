import { CODE_SEPARATORS, cyrillicPrefixFor, parseCode } from '../../lib/codes.ts';
import { CHECKBOX, CHECKED } from '../blocks.ts';

/** Pure readers of values in a document's text: dates, codes, approving acts, quoted names, lists of goals. */

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

export const CODE_ANYWHERE = new RegExp(`(?<![A-Za-zА-ЯЁа-яё0-9])([А-ЯЁA-Z]{1,4})[${CODE_SEPARATORS}]?(\\d{1,4})(?![0-9])`, 'g');
/** A code closing a heading or a title: «Политика … ПЛ-007». */
export const CODE_AT_END = /([А-ЯЁ]{1,4}[-‐‑–][0-9]{1,4})\s*$/;

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

/** The text inside the outermost «…», or the whole text when it has none. */
export const unquote = (s: string) => {
  const open = s.indexOf('«');
  const close = s.lastIndexOf('»');
  return open >= 0 && close > open ? s.slice(open + 1, close).trim() : s.trim();
};

/** A cell of goals split into one goal per line, bullet or number. */
export const splitGoals = (cell: string) =>
  cell
    .replace(/\n/g, CHECKBOX)
    .replace(/(?:^|\s)(?:[-•–—*]|\d{1,2}[.)])\s+(?=\S)/g, CHECKBOX)
    .split(CHECKBOX)
    .map((s) => s.replace(CHECKED, '').trim())
    .filter(Boolean);
