import { defineRule } from '../../../rule.ts';

/** An edition takes effect on or after the day it is approved. */
export default defineRule(
  { id: 'edition/effective-after-approval', severity: 'error', description: 'дата введения в действие не раньше даты утверждения' },
  ({ corpus, report }) => {
    for (const doc of corpus.documents) {
      for (const edition of doc.editions) {
        const { approved, effective, version } = edition.data;
        if (approved && effective && effective < approved) {
          report(
            { value: edition, field: ['effective'] },
            `редакция ${version} вводится в действие ${effective}, раньше даты утверждения ${approved}: дата введения в действие — не раньше даты утверждения`,
          );
        }
      }
    }
  },
);
