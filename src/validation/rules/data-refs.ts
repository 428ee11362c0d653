import { resolveStandard } from '../../model/lookup.ts';
import { closest } from '../schema-issues.ts';
import { defineRule } from '../rule.ts';

/** Units named in passports resolve to the unit registry. */
export const unknownUnit = defineRule('ref/unknown-unit', ({ corpus, lookup, report }) => {
  const ids = [...lookup.units.keys()];
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      for (const field of ['responsibleForApplication', 'responsibleForDevelopment'] as const) {
        const unit = edition.data.passport[field].unit;
        if (lookup.units.has(unit)) continue;
        const hint = closest(unit, ids);
        report({ value: edition, field: ['passport', field, 'unit'] }, `подразделение «${unit}» не найдено в реестре registries/units.json${hint ? `: возможно, «${hint}»` : ''}`);
      }
    }
  }
});

export const unknownAccess = defineRule('ref/unknown-access', ({ corpus, lookup, report }) => {
  const ids = [...lookup.accessLevels.keys()].join(', ');
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      if (!lookup.accessLevels.has(edition.data.access)) {
        report({ value: edition, field: ['access'] }, `уровень доступа «${edition.data.access}» не найден в registries/access-levels.json; допустимые: ${ids}`);
      }
    }
  }
});

/** Frontmatter `references` resolve like prose references (`cancelled.replacedBy`: edition/replacement). */
export const frontmatterCodes = defineRule('ref/unknown-code', ({ corpus, lookup, report }) => {
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      edition.data.references.forEach((reference, index) => {
        const isCode = /^[А-ЯЁ]{1,4}-\d+$/.test(reference.cite);
        if (!isCode && !resolveStandard(lookup, reference.cite)) report({ value: edition, field: ['references', index, 'cite'] }, `стандарт «${reference.cite}» из нормативных ссылок не найден в каталоге content/standards/`);
        if (isCode && !lookup.documents.has(reference.cite)) report({ value: edition, field: ['references', index, 'cite'] }, `документ ${reference.cite} из нормативных ссылок не найден в реестре НД`);
      });
    }
  }
});

export default [unknownUnit, unknownAccess, frontmatterCodes];
