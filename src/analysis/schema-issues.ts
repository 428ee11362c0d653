import type { ErrorObject } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { dottedDateHint } from '../schemas/common.ts';
import { validatorFor } from '../schemas/validators.ts';
import { didYouMean } from '../lib/did-you-mean.ts';
import type { FieldPath } from '../model/parsed.ts';

/** One schema violation: where (field path) and what (Russian, with the fix). */
export interface SchemaIssue {
  path: FieldPath;
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'строка',
  number: 'число',
  integer: 'целое число',
  int: 'целое число',
  boolean: 'true или false',
  object: 'объект (набор свойств)',
  array: 'список',
  null: 'null',
  date: 'дата',
  undefined: 'ничего',
};
const typeName = (t: string) => TYPE_NAMES[t] ?? t;
const describe = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'список'
      : typeof value === 'object'
        ? 'объект'
        : `${typeof value === 'string' ? 'строка' : typeName(typeof value)} ${JSON.stringify(value)}`;

/** `passport.goals[0]`: a field path as authors read it in a message. */
export const formatPath = (path: FieldPath) =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');
/** `«passport.goals[0]»`, or «верхнего уровня» for the whole record. */
const fieldLabel = (path: FieldPath) => (path.length ? `«${formatPath(path)}»` : 'верхнего уровня');

/** zod issues → SchemaIssue, with messages an author can act on. */
export function zodIssues(
  schema: z.ZodType,
  data: unknown,
  /** The value as written in the source (`1.0`), where the parsed one (`1`) would mislead in a message. */
  written?: (path: FieldPath) => string | undefined,
): { issues: SchemaIssue[]; value?: unknown } {
  const result = schema.safeParse(data);
  if (result.success) return { issues: [], value: result.data };
  const issues: SchemaIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const at = fieldLabel;
    switch (issue.code) {
      case 'invalid_type': {
        const input = getAt(data, path);
        issues.push({
          path,
          message:
            input === undefined
              ? `не хватает обязательного свойства ${at(path)} (${typeName(issue.expected)})`
              : `свойство ${at(path)}: ожидается ${typeName(issue.expected)}, указано ${describe(input)}${quoteHint(issue.expected, input, path, written)}`,
        });
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = knownKeys(schema, path);
          const hint = didYouMean(key, known, (near) => `имелось в виду «${near}»`);
          issues.push({ path: [...path, key], message: `неизвестное свойство «${formatPath([...path, key])}»${hint}; допустимые: ${known.join(', ')}` });
        }
        break;
      case 'invalid_value':
        issues.push({
          path,
          message: `свойство ${at(path)}: недопустимое значение ${JSON.stringify(getAt(data, path))}; допустимые: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      default:
        issues.push({ path, message: `свойство ${at(path)}: ${issue.message}` });
    }
  }
  return { issues };
}

/**
 * `version: 1.0` reads as the number 1 and `approved: да` as text: when a string is expected and YAML
 * read a number or true/false, the fix is quotes around the value exactly as written.
 */
function quoteHint(expected: string, input: unknown, path: FieldPath, written?: (path: FieldPath) => string | undefined): string {
  if (expected !== 'string' || (typeof input !== 'number' && typeof input !== 'boolean')) return '';
  const key = path.at(-1);
  const value = written?.(path) ?? String(input);
  return ` — заключите значение в кавычки: ${typeof key === 'string' ? `${key}: ` : ''}"${value.replaceAll('"', '\\"')}"`;
}

function getAt(data: unknown, path: FieldPath): unknown {
  let node = data;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

function knownKeys(schema: z.ZodType, path: FieldPath): string[] {
  let node: z.ZodType | undefined = schema;
  for (const key of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = node.shape[key as string] as z.ZodType | undefined;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return [];
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape).filter((k) => k !== '$schema') : [];
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable) {
    node = node.unwrap() as z.ZodType;
  }
  return node;
}

// ---- ajv (JSON records) ----
//
// JSON records are validated against the JSON Schema generated from their zod shape, not with zod
// itself: that document is what authors' editors check the same files with (`$schema`), so the
// editor and the checker apply one definition. ajv compiles it ahead of time (`npm run schemas`,
// src/schemas/validators.ts) and fills the shape's defaults in place.

/** Validates JSON data against a generated schema; fills defaults in place. */
export function ajvIssues(schemaName: string, data: unknown): SchemaIssue[] {
  const validate = validatorFor(schemaName);
  if (validate(data)) return [];
  return collapseAlternatives(withoutFormatPatterns(validate.errors ?? [])).map((error) => ajvIssue(error, data));
}

/**
 * zod writes a date as `format: date` plus the regex that implements it; a bad date fails both.
 * The format error says it in words, so the regex one is dropped.
 */
function withoutFormatPatterns(errors: ErrorObject[]): ErrorObject[] {
  const formats = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  return errors.filter((e) => !(e.keyword === 'pattern' && formats.has(e.instancePath)));
}

/**
 * `string | null` fails as three errors (type string, type null, anyOf). Authors need one:
 * the alternatives' types merge into a single `type` error and the anyOf summary is dropped.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const unions = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  const out: ErrorObject[] = [];
  const merged = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (!unions.has(error.instancePath)) out.push(error);
    else if (error.keyword === 'type') {
      const previous = merged.get(error.instancePath);
      if (previous) (previous.params as { type: string }).type += `,${(error.params as { type: string }).type}`;
      else {
        const copy = { ...error, params: { ...error.params } };
        merged.set(error.instancePath, copy);
        out.push(copy);
      }
    } else if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') out.push(error);
  }
  return out;
}

function ajvIssue(error: ErrorObject, data: unknown): SchemaIssue {
  const path: (string | number)[] = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const at = fieldLabel;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `не хватает обязательного свойства «${formatPath([...path, String(params.missingProperty)])}»` };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}).filter((k) => k !== '$schema');
      const hint = didYouMean(key, known, (near) => `имелось в виду «${near}»`);
      return {
        path: [...path, key],
        message: `неизвестное свойство «${formatPath([...path, key])}»${hint || ': удалите его или проверьте написание'}${known.length ? `; допустимые: ${known.join(', ')}` : ''}`,
      };
    }
    case 'type':
      return {
        path,
        message: `свойство ${at(path)}: ожидается ${String(params.type).split(',').map(typeName).join(' или ')}, указано ${describe(getAt(data, path))}`,
      };
    case 'enum':
      return {
        path,
        message: `свойство ${at(path)}: недопустимое значение ${JSON.stringify(getAt(data, path))}; допустимые: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'format':
      return {
        path,
        message: `свойство ${at(path)}: ${
          (params.format === 'date' ? dottedDateHint(getAt(data, path)) : undefined) ??
          `${params.format === 'date' ? 'ожидается существующая дата в формате ГГГГ-ММ-ДД' : `неверный формат ${String(params.format)}`}, указано ${JSON.stringify(getAt(data, path))}`
        }`,
      };
    case 'pattern':
      return { path, message: `свойство ${at(path)}: значение ${JSON.stringify(getAt(data, path))} не соответствует образцу ${String(params.pattern)}` };
    case 'minLength':
      return { path, message: `свойство ${at(path)} не может быть пустым` };
    case 'minItems':
      return { path, message: `список ${at(path)} должен содержать не меньше ${String(params.limit)} элементов` };
    case 'minimum':
    case 'maximum':
      return { path, message: `свойство ${at(path)}: значение должно быть ${error.keyword === 'minimum' ? 'не меньше' : 'не больше'} ${String(params.limit)}` };
    default:
      return { path, message: `свойство ${at(path)}: ${error.message ?? 'не соответствует схеме'}` };
  }
}
