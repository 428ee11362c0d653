import { tiedInForce } from '../../../edition-ties.ts';
import { defineRule } from '../../../rule.ts';

/** At most one edition in force at the build's date. */
export default defineRule(
  { id: 'edition/one-in-force', severity: 'error', description: 'на дату сборки действует не больше одной редакции документа' },
  ({ corpus, buildDate, report }) => {
    for (const doc of corpus.documents) {
      const tied = tiedInForce(doc.editions, buildDate);
      const [first, ...others] = tied;
      for (const edition of others) {
        report(
          { value: edition, field: ['effective'] },
          `редакции ${first?.data.version} и ${edition.data.version} документа ${doc.code} вводятся в действие в один день (${edition.data.effective}), и на дату сборки ${buildDate} действовали бы обе: укажите редакции ${edition.data.version} более позднюю дату effective или оставьте одну из них проектом (status: проект)`,
        );
      }
    }
  },
);
