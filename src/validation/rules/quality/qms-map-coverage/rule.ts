import { coverageClauses, uncovered } from '../../../../model/clause-coverage.ts';
import { QMS_STANDARD, qualityRecords } from '../../../../model/quality-records.ts';
import { defineRule } from '../../../rule.ts';

/** Appendix 1 says how the QMS covers ISO 9001:2015; a clause without a row is a gap in the manual. */
export default defineRule(
  { id: 'quality/qms-map-coverage', severity: 'warning', description: 'карта СМК (приложение 1) охватывает все пункты ISO 9001:2015 разделов 4–10' },
  ({ corpus, lookup, report }) => {
    const catalog = lookup.clauses.get(QMS_STANDARD);
    if (!catalog) return;
    const required = coverageClauses(catalog.keys());
    for (const map of qualityRecords(corpus).qmsMaps) {
      const missing = uncovered(
        required,
        map.data.rows.map((row) => row.clause),
      );
      if (missing.length)
        report(
          { value: map, field: ['rows'] },
          `карта СМК не охватывает пункты ISO 9001:2015: ${missing.join(', ')} (${missing.length} из ${required.length}); добавьте строки — какие процесс и документ выполняют эти пункты`,
        );
    }
  },
);
