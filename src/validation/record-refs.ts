import type { Located } from '../model/corpus.ts';
import type { FieldPath } from '../model/parsed.ts';
import type { RuleContext } from './rule.ts';

/**
 * Which fields of quality and audit records are references, and to what. One table, walked by the
 * `ref/*` rules, so a new field is one line here; messages match the checker's for prose and passports.
 */
export type RecordRefType = 'unit' | 'role' | 'code' | 'clause' | 'document';
const REF_FIELDS: ReadonlyArray<{ kind: string; path: readonly string[]; ref: RecordRefType }> = [
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

/** Every reference of one type in quality and audit records, with the record and field it sits in. */
export function* recordRefs(
  context: Pick<RuleContext, 'corpus'>,
  type: RecordRefType,
): Generator<{ record: Located<unknown>; field: FieldPath; value: unknown }> {
  for (const spec of REF_FIELDS) {
    if (spec.ref !== type) continue;
    for (const record of context.corpus.records.get(spec.kind) ?? []) {
      for (const [field, value] of walk(record.data, spec.path)) yield { record, field, value };
    }
  }
}
