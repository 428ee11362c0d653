import { z } from 'zod';

// Russian messages for every zod issue that a schema does not word itself.
z.config(z.locales.ru());

/**
 * What `npm run new` writes into a field the author must fill: «ЗАПОЛНИТЬ: what to write». Any field
 * holding it fails validation with «поле не заполнено: what to write», so the check names each one.
 */
export const TO_FILL = 'ЗАПОЛНИТЬ';

/** The hint of a to-fill marker (`ЗАПОЛНИТЬ: дата утверждения` → `дата утверждения`), or undefined. */
export function toFillHint(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim().startsWith(TO_FILL)) return undefined;
  return value.trim().slice(TO_FILL.length).replace(/^[\s:—-]+/, '') || 'значение';
}

/** The error for a field: «поле не заполнено» for a marker, the field's own message otherwise. */
const unlessToFill = (message: string) => (issue: { input?: unknown }) => {
  const hint = toFillHint(issue.input);
  return hint === undefined ? message : `поле не заполнено: ${hint}`;
};

/** A calendar date `YYYY-MM-DD`; impossible dates (2025-02-30) are rejected. */
export const isoDate = () =>
  z.iso.date({ error: (issue) => dottedDateHint(issue.input) ?? unlessToFill('ожидается существующая дата в формате ГГГГ-ММ-ДД, например 2024-03-01')(issue) });

/**
 * A date as Russian documents write it (01.03.2023, 1.3.2023) told in the files' format: «дата пишется в
 * формате ГГГГ-ММ-ДД: «01.03.2023» — это 2023-03-01». Undefined for anything else. For frontmatter (zod)
 * and JSON records (ajv) alike.
 */
export function dottedDateHint(input: unknown): string | undefined {
  const dotted = typeof input === 'string' ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(input.trim()) : null;
  if (!dotted) return undefined;
  const [, day, month, year] = dotted;
  return `дата пишется в формате ГГГГ-ММ-ДД: «${String(input)}» — это ${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** A document code as written in data: Cyrillic prefix, hyphen, number (`ПТ-035`). */
export const documentCode = () =>
  z
    .string()
    .regex(/^[А-ЯЁ]{1,4}-\d{1,4}$/, {
      error: 'код документа пишется кириллицей: префикс, дефис, номер — например, ПТ-035',
    })
    .describe('Код нормативного документа, например ПТ-035.');

/** A registry identifier: lower-case Latin kebab-case. */
export const slugId = (what = 'идентификатор — латиница в нижнем регистре, цифры и дефисы, например dkko') =>
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: unlessToFill(what) });

/**
 * Marks content that is not in the source text. `true`, or a sentence that says what is sample;
 * the page shows it in a «Пример» notice.
 */
export const sampleMark = () =>
  z
    .union([z.literal(true), z.string().min(1)])
    .optional()
    .describe('Пометка примера: true или пояснение, что именно здесь придумано (в исходных текстах этого нет).');

/** Non-empty trimmed text that is not a to-fill marker. */
export const text = () =>
  z
    .string()
    .trim()
    .min(1, { error: 'поле не может быть пустым' })
    .refine((value) => toFillHint(value) === undefined, { error: (issue) => unlessToFill('')(issue) });

/** JSON files name their schema; the key is allowed everywhere and ignored. */
export const schemaRef = () => z.string().optional().describe('Путь к JSON Schema для подсказок редактора.');
