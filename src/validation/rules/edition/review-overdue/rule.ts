import { daysBetween } from '../../../../lib/dates.ts';
import { defineRule } from '../../../rule.ts';
import { reviewField, reviewOrigin, reviewsAt } from '../../../review-findings.ts';

/** The review date of the edition in force (or announced) has passed. */
export default defineRule(
  { id: 'edition/review-overdue', severity: 'warning', description: 'документ пересмотрен в срок: срок периодического пересмотра не прошёл' },
  ({ corpus, lookup, buildDate, reviewLeadDays, report }) => {
    for (const { doc, review } of reviewsAt(corpus.documents, lookup, buildDate, reviewLeadDays)) {
      if (review.state !== 'overdue') continue;
      const { version } = review.edition.data;
      report(
        { value: review.edition, field: reviewField(review) },
        `${doc.code}, редакция ${version}: пересмотр просрочен на ${daysBetween(review.by, buildDate)} дн. — срок ${review.by} (${reviewOrigin(doc, review, lookup)}); пересмотрите документ и выпустите новую редакцию или, если изменения не нужны, запишите в редакцию новую дату nextReview`,
      );
    }
  },
);
