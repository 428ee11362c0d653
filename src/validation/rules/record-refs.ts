import type { Located } from '../../model/corpus.ts';
import type { FieldPath } from '../../model/positions.ts';
import { QMS_STANDARD } from '../../model/quality-records.ts';
import { closest } from '../schema-issues.ts';
import { defineRule, type RuleContext } from '../rule.ts';

/**
 * Which fields of quality and audit records are references, and to what. One table, walked by the
 * rules below, so a new field is one line here; messages match the checker's for prose and passports.
 */
type RefType = 'unit' | 'role' | 'code' | 'clause' | 'document';
const REF_FIELDS: ReadonlyArray<{ kind: string; path: readonly string[]; ref: RefType }> = [
  { kind: 'quality-standard', path: ['owner'], ref: 'unit' },
  { kind: 'quality-standard', path: ['policy'], ref: 'code' },
  { kind: 'quality-standard', path: ['requirements', '*', 'owner'], ref: 'unit' },
  { kind: 'qms-map', path: ['rows', '*', 'clause'], ref: 'clause' },
  { kind: 'qms-map', path: ['rows', '*', 'owner'], ref: 'unit' },
  { kind: 'qms-map', path: ['rows', '*', 'documents', '*'], ref: 'document' },
  { kind: 'auditors', path: ['items', '*', 'unit'], ref: 'unit' },
  { kind: 'auditors', path: ['items', '*', 'roles', '*'], ref: 'role' },
  { kind: 'audit-program', path: ['approvedBy'], ref: 'role' },
  { kind: 'audit-program', path: ['audits', '*', 'unit'], ref: 'unit' },
  { kind: 'audit-program', path: ['audits', '*', 'clauses', '*'], ref: 'clause' },
  { kind: 'audit-plan', path: ['criteria', 'clauses', '*'], ref: 'clause' },
  { kind: 'audit-plan', path: ['criteria', 'documents', '*'], ref: 'code' },
  { kind: 'audit-plan', path: ['coordinator', 'unit'], ref: 'unit' },
  { kind: 'audit-report', path: ['findings', '*', 'clause'], ref: 'clause' },
  { kind: 'audit-report', path: ['findings', '*', 'document'], ref: 'code' },
  { kind: 'corrective-actions', path: ['actions', '*', 'responsible', 'unit'], ref: 'unit' },
  { kind: 'improvement-proposals', path: ['proposals', '*', 'responsible', 'unit'], ref: 'unit' },
];

/** Values at a path with `*` for every list item, with their concrete paths. */
function* walk(value: unknown, pattern: readonly string[], at: (string | number)[] = []): Generator<[FieldPath, unknown]> {
  if (pattern.length === 0) {
    if (value !== undefined) yield [at, value];
    return;
  }
  const [head, ...rest] = pattern;
  if (head === '*') {
    if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* walk(item, rest, [...at, i]);
  } else if (value && typeof value === 'object' && head !== undefined) {
    yield* walk((value as Record<string, unknown>)[head], rest, [...at, head]);
  }
}

function* refs(context: RuleContext, type: RefType): Generator<{ record: Located<unknown>; field: FieldPath; value: unknown }> {
  for (const spec of REF_FIELDS) {
    if (spec.ref !== type) continue;
    for (const record of context.corpus.records.get(spec.kind) ?? []) {
      for (const [field, value] of walk(record.data, spec.path)) yield { record, field, value };
    }
  }
}

const hint = (value: string, known: string[]) => {
  const near = closest(value, known);
  return near ? `: возможно, «${near}»` : '';
};

export const recordUnits = defineRule('ref/unknown-unit', (context) => {
  const ids = [...context.lookup.units.keys()];
  for (const { record, field, value } of refs(context, 'unit')) {
    if (!context.lookup.units.has(String(value))) context.report({ value: record, field }, `подразделение «${String(value)}» не найдено в реестре registries/units.json${hint(String(value), ids)}`);
  }
});

export const recordRoles = defineRule('ref/unknown-role', (context) => {
  const ids = [...context.lookup.roles.keys()];
  for (const { record, field, value } of refs(context, 'role')) {
    if (!context.lookup.roles.has(String(value))) context.report({ value: record, field }, `роль «${String(value)}» не найдена в реестре registries/roles.json${hint(String(value), ids)}; роли: ${ids.join(', ')}`);
  }
});

export const recordCodes = defineRule('ref/unknown-code', (context) => {
  for (const { record, field, value } of refs(context, 'code')) {
    if (!context.lookup.documents.has(String(value))) context.report({ value: record, field }, `документ ${String(value)} не найден в реестре НД: укажите код существующего документа`);
  }
  for (const { record, field, value } of refs(context, 'document')) {
    const code = (value as { code: string }).code;
    if (!context.lookup.documents.has(code)) context.report({ value: record, field: [...field, 'code'] }, `документ ${code} не найден в реестре НД: укажите код существующего документа`);
  }
});

export const recordAppendices = defineRule('ref/unknown-appendix', (context) => {
  for (const { record, field, value } of refs(context, 'document')) {
    const { code, appendix } = value as { code: string; appendix?: number };
    const doc = context.lookup.documents.get(code);
    if (!doc || appendix === undefined || doc.appendices.some((a) => a.data.number === appendix)) continue;
    const have = doc.appendices.map((a) => a.data.number).join(', ');
    context.report({ value: record, field: [...field, 'appendix'] }, `у документа ${code} нет приложения ${appendix}${have ? `; приложения: ${have}` : ''}`);
  }
});

export const recordClauses = defineRule('ref/unknown-clause', (context) => {
  const clauses = context.lookup.clauses.get(QMS_STANDARD);
  const standard = context.lookup.standards.get(QMS_STANDARD)?.data;
  for (const { record, field, value } of refs(context, 'clause')) {
    if (!clauses) context.report({ value: record, field }, `пункт ${String(value)} не проверить: в каталоге content/standards/ нет ISO 9001:2015 (${QMS_STANDARD}.json)`);
    else if (!clauses.has(String(value))) context.report({ value: record, field }, `в ${standard?.designation ?? 'ISO 9001:2015'} нет пункта ${String(value)}: укажите пункт из каталога, например 9.2 или 8.5.1`);
  }
});

export default [recordUnits, recordRoles, recordCodes, recordAppendices, recordClauses];
