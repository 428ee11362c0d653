import { coverageClauses, uncovered } from '../../../../model/clause-coverage.ts';
import { QMS_STANDARD, qualityRecords } from '../../../../model/quality-records.ts';
import { defineRule } from '../../../rule.ts';

/** ISO 9001:2015, 9.2.2 a: over its cycle a program audits every requirement (granularity: model/clause-coverage.ts). */
export default defineRule(
  { id: 'audit/clause-coverage', severity: 'error', description: 'программа аудитов охватывает все пункты ISO 9001:2015 разделов 4–10' },
  ({ corpus, lookup, report }) => {
    const catalog = lookup.clauses.get(QMS_STANDARD);
    if (!catalog) return;
    const required = coverageClauses(catalog.keys());
    for (const program of qualityRecords(corpus).programs) {
      const missing = uncovered(
        required,
        program.data.audits.flatMap((audit) => audit.clauses),
      );
      if (missing.length) {
        report(
          { value: program, field: ['audits'] },
          `программа «${program.data.title}» оставляет без аудита пункты ISO 9001:2015: ${missing.join(', ')} (${missing.length} из ${required.length}); включите их в аудиты программы`,
        );
      }
    }
  },
);
