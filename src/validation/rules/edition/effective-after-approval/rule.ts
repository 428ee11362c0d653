import { defineRule } from '../../../rule.ts';

/** An edition takes effect on or after the day it is approved, and is due for review after it. */
export default defineRule(
  {
    id: 'edition/effective-after-approval',
    severity: 'error',
    description: 'дата введения в действие не раньше даты утверждения, срок пересмотра — позже неё',
  },
  ({ corpus, report }) => {
    for (const doc of corpus.documents) {
      for (const edition of doc.editions) {
        const { approved, effective, nextReview, version } = edition.data;
        if (approved && effective && effective < approved) {
          report(
            { value: edition, field: ['effective'] },
            `редакция ${version} вводится в действие ${effective}, раньше даты утверждения ${approved}: дата введения в действие — не раньше даты утверждения`,
          );
        }
        // Otherwise it reads as a review overdue for years, not as the typing mistake it is.
        if (approved && nextReview && nextReview <= approved) {
          report(
            { value: edition, field: ['nextReview'] },
            `срок пересмотра редакции ${version} (nextReview: ${nextReview}) не позже её утверждения ${approved}: пересмотр назначают после утверждения — исправьте дату`,
          );
        }
      }
    }
  },
);
