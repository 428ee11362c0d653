import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { recordRefs } from '../../../record-refs.ts';
import { defineRule } from '../../../rule.ts';

/** Units named in passports and in quality and audit records resolve to the unit registry. */
export default defineRule({ id: 'ref/unknown-unit', severity: 'error', description: 'подразделение есть в реестре' }, (context) => {
  const { corpus, lookup, report } = context;
  // A registry that could not be read is one error at its file: its references are not checked meanwhile.
  if (lookup.unreadableCatalogs.has('units')) return;
  const ids = [...lookup.units.keys()];
  const reason = (unit: string) => `подразделение «${unit}» не найдено в реестре registries/units.json${didYouMean(unit, ids)}`;
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      for (const field of ['responsibleForApplication', 'responsibleForDevelopment'] as const) {
        const unit = edition.data.passport[field].unit;
        if (!lookup.units.has(unit)) report({ value: edition, field: ['passport', field, 'unit'] }, reason(unit));
      }
    }
  }
  for (const { record, field, value } of recordRefs(context, 'unit')) {
    if (!lookup.units.has(String(value))) report({ value: record, field }, reason(String(value)));
  }
});
