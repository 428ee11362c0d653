import { inRequirementSections } from '../../../../model/clause-coverage.ts';
import { QMS_STANDARD, qualityRecords } from '../../../../model/quality-records.ts';
import { defineRule } from '../../../rule.ts';

/** Requirements serve the QMS: each cites clauses that exist in ISO 9001:2015, sections 4–10. */
export default defineRule(
  {
    id: 'quality/requirement-refs',
    severity: 'error',
    description: 'требование стандарта качества ссылается на существующие пункты ISO 9001:2015 разделов 4–10',
  },
  ({ corpus, lookup, report }) => {
    const clauses = lookup.clauses.get(QMS_STANDARD);
    for (const standard of qualityRecords(corpus).standards) {
      standard.data.requirements.forEach((requirement, r) => {
        requirement.clauses.forEach((clause, c) => {
          const field = ['requirements', r, 'clauses', c];
          if (!clauses && lookup.unreadableCatalogs.has('standards')) return; // the catalog's file error comes first
          if (!clauses)
            report({ value: standard, field }, `требование ${requirement.id}: пункт ${clause} не проверить — в каталоге content/standards/ нет ISO 9001:2015`);
          else if (!clauses.has(clause))
            report(
              { value: standard, field },
              `требование ${requirement.id} ссылается на пункт ${clause}, которого нет в ISO 9001:2015: укажите пункт из каталога, например 8.2.1`,
            );
          else if (!inRequirementSections(clause))
            report(
              { value: standard, field },
              `требование ${requirement.id} ссылается на пункт ${clause}: разделы 1–3 ISO 9001:2015 (область, ссылки, термины) требований не содержат — укажите пункт разделов 4–10`,
            );
        });
      });
    }
  },
);
