/**
 * Document codes: `ПТ-035` = type prefix (Cyrillic capitals) + hyphen + number.
 * Parsing accepts what people type (space, non-breaking hyphen, no separator);
 * the canonical form always uses an ASCII hyphen-minus.
 */

/** Latin letters that look like Cyrillic capitals, mapped to the Cyrillic letter. */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** Separators people put between prefix and number: hyphen, non-breaking hyphen, dashes, space, NBSP. */
export const CODE_SEPARATORS = '\\-\\u2010\\u2011\\u2012\\u2013\\u2014 \\u00a0';

export interface ParsedCode {
  prefix: string;
  number: string;
  /** Canonical spelling, `ПТ-035`. */
  code: string;
}

const CODE_RE = new RegExp(`^([А-ЯЁ]{1,4})[${CODE_SEPARATORS}]?(\\d{1,4})$`);

/** Parses a code written with Cyrillic letters; returns null for anything else. */
export function parseCode(text: string): ParsedCode | null {
  const match = CODE_RE.exec(text.trim());
  if (!match) return null;
  const [, prefix = '', number = ''] = match;
  return { prefix, number, code: `${prefix}-${number}` };
}

/**
 * The Cyrillic prefix a Latin-typed one stands for: look-alike letters (`ПT`, `PT` read as РТ) or a
 * transliteration (`PT` for ПТ). Only prefixes of the registry count, so `ISO` or `CX` stay what they are.
 */
export function cyrillicPrefixFor(prefix: string, known: Iterable<string>): string | undefined {
  if (!/[A-Z]/.test(prefix)) return undefined;
  const lookalike = toCyrillic(prefix);
  const candidates = [...known];
  return candidates.find((k) => k === lookalike) ?? candidates.find((k) => codeSlug(k) === prefix.toLowerCase());
}

/**
 * What to say of a code typed with Latin letters (`ПT-035`, `PT-035`) whose type the registry has:
 * «набран с латинскими буквами (T): напишите ПТ-035 кириллицей»; undefined for any other code.
 */
export function latinCodeHint(prefix: string, number: string, known: Iterable<string>): string | undefined {
  const fixed = cyrillicPrefixFor(prefix, known);
  if (!fixed) return undefined;
  const latin = [...prefix].filter((ch) => /[A-Z]/.test(ch)).join(', ');
  return `набран с латинскими буквами (${latin}): напишите ${fixed}-${number} кириллицей`;
}

/** Replaces Latin look-alike capitals with their Cyrillic twins. */
export function toCyrillic(prefix: string): string {
  return [...prefix].map((ch) => LATIN_LOOKALIKES[ch] ?? ch).join('');
}

/** Transliteration table (ICAO Doc 9303 / Russian passports since 2013), lower case. */
const TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** `ПТ-035` → `pt-035`: the stable address segment of a document. */
export function codeSlug(code: string): string {
  return [...code.toLowerCase()]
    .map((ch) => TRANSLIT[ch] ?? ch)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The type prefix of a code, which keys the registry of document types: `ПТ-035` → `ПТ`. The one
 * place a code is taken apart for its type.
 */
export function typePrefix(code: string): string {
  return code.split('-')[0] ?? '';
}

/** One collator for every comparison: `localeCompare` with options builds a new one per call (slow for thousands of codes). */
const NATURAL = new Intl.Collator('ru', { numeric: true });

/** Numeric-aware comparison for codes and versions ("1.10" after "1.9"). */
export function compareNatural(a: string, b: string): number {
  return NATURAL.compare(a, b);
}
