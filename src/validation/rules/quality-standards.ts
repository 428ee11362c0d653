import { coverageClauses, inRequirementSections, uncovered } from '../../model/clause-coverage.ts';
import { QMS_STANDARD, qualityRecords } from '../../model/quality-records.ts';
import { defineRule } from '../rule.ts';

/** Requirements serve the QMS: each cites clauses that exist in ISO 9001:2015, sections 4–10. */
export const requirementRefs = defineRule('quality/requirement-refs', ({ corpus, lookup, report }) => {
  const clauses = lookup.clauses.get(QMS_STANDARD);
  for (const standard of qualityRecords(corpus).standards) {
    standard.data.requirements.forEach((requirement, r) => {
      requirement.clauses.forEach((clause, c) => {
        const field = ['requirements', r, 'clauses', c];
        if (!clauses) report({ value: standard, field }, `требование ${requirement.id}: пункт ${clause} не проверить — в каталоге content/standards/ нет ISO 9001:2015`);
        else if (!clauses.has(clause)) report({ value: standard, field }, `требование ${requirement.id} ссылается на пункт ${clause}, которого нет в ISO 9001:2015: укажите пункт из каталога, например 8.2.1`);
        else if (!inRequirementSections(clause)) report({ value: standard, field }, `требование ${requirement.id} ссылается на пункт ${clause}: разделы 1–3 ISO 9001:2015 (область, ссылки, термины) требований не содержат — укажите пункт разделов 4–10`);
      });
    });
  }
});

/** Appendix 1 says how the QMS covers ISO 9001:2015; a clause without a row is a gap in the manual. */
export const qmsMapCoverage = defineRule('quality/qms-map-coverage', ({ corpus, lookup, report }) => {
  const catalog = lookup.clauses.get(QMS_STANDARD);
  if (!catalog) return;
  const required = coverageClauses(catalog.keys());
  for (const map of qualityRecords(corpus).qmsMaps) {
    const missing = uncovered(required, map.data.rows.map((row) => row.clause));
    if (missing.length) report({ value: map, field: ['rows'] }, `карта СМК не охватывает пункты ISO 9001:2015: ${missing.join(', ')} (${missing.length} из ${required.length}); добавьте строки — какие процесс и документ выполняют эти пункты`);
  }
});

/** Ids that pages and links use are unique: standards, requirements in a standard, map rows. */
export const duplicateQualityIds = defineRule('registry/duplicate-id', ({ corpus, report }) => {
  const { standards, qmsMaps } = qualityRecords(corpus);
  const ids = new Set<string>();
  for (const standard of standards) {
    if (ids.has(standard.data.id)) report({ value: standard, field: ['id'] }, `стандарт качества «${standard.data.id}» уже есть: идентификаторы стандартов не повторяются`);
    ids.add(standard.data.id);
    const requirementIds = new Set<string>();
    standard.data.requirements.forEach((requirement, index) => {
      if (requirementIds.has(requirement.id)) report({ value: standard, field: ['requirements', index, 'id'] }, `требование ${requirement.id} уже есть в стандарте «${standard.data.title}»: дайте следующий свободный номер`);
      requirementIds.add(requirement.id);
    });
  }
  for (const map of qmsMaps) {
    const rows = new Set<string>();
    map.data.rows.forEach((row, index) => {
      if (rows.has(row.clause)) report({ value: map, field: ['rows', index, 'clause'] }, `пункт ${row.clause} уже есть в карте СМК: объедините строки`);
      rows.add(row.clause);
    });
  }
});

export default [requirementRefs, qmsMapCoverage, duplicateQualityIds];
