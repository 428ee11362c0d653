import { QMS_STANDARD } from '../../../../model/quality-records.ts';
import { defineRule, type RuleContext } from '../../../rule.ts';
import { standardCitations, unverifiableUnder } from '../../../../analysis/resolve.ts';
import { recordRefs } from '../../../record-refs.ts';

/** A cited clause exists in its standard's catalog: in prose and in quality and audit records. */
export default defineRule({ id: 'ref/unknown-clause', severity: 'error', description: 'пункт стандарта существует' }, (context) => {
  prose(context);
  const { lookup, report } = context;
  const clauses = lookup.clauses.get(QMS_STANDARD);
  const standard = lookup.standards.get(QMS_STANDARD)?.data;
  for (const { record, field, value } of recordRefs(context, 'clause')) {
    if (!clauses && lookup.unreadableCatalogs.has('standards')) continue; // the catalog's file error comes first
    if (!clauses)
      report({ value: record, field }, `пункт ${String(value)} не проверить: в каталоге content/standards/ нет ISO 9001:2015 (${QMS_STANDARD}.json)`);
    else if (!clauses.has(String(value)))
      report(
        { value: record, field },
        `в ${standard?.designation ?? 'ISO 9001:2015'} нет пункта ${String(value)}: укажите пункт из каталога, например 9.2 или 8.5.1`,
      );
  }
});

function prose(context: RuleContext) {
  // With a catalog file unreadable, a clause may resolve to another standard: wait until it is fixed.
  if (context.lookup.unreadableCatalogs.has('standards')) return;
  for (const { entry, ref, id, clause } of standardCitations(context)) {
    if (!id || !clause) continue;
    const standard = context.lookup.standards.get(id);
    if (!standard || context.lookup.clauses.get(id)?.has(clause)) continue;
    if (unverifiableUnder(standard.data, clause)) continue; // ref/unverified-clause's warning
    const top = standard.data.clauses.filter((c) => !c.number.includes('.')).map((c) => c.number);
    context.report(
      { file: entry.file, offset: ref.offset },
      `в ${standard.data.designation} нет пункта ${clause}${top.length ? `; разделы стандарта: ${top[0]}–${top.at(-1)}` : ''}`,
    );
  }
}
