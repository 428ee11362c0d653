import { defineRule } from '../../../rule.ts';

export default defineRule({ id: 'ref/unknown-access', severity: 'error', description: 'уровень доступа есть в реестре' }, ({ corpus, lookup, report }) => {
  // A registry that could not be read is one error at its file: its references are not checked meanwhile.
  if (lookup.unreadableCatalogs.has('access-levels')) return;
  const ids = [...lookup.accessLevels.keys()].join(', ');
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      if (!lookup.accessLevels.has(edition.data.access)) {
        report({ value: edition, field: ['access'] }, `уровень доступа «${edition.data.access}» не найден в registries/access-levels.json; допустимые: ${ids}`);
      }
    }
  }
});
