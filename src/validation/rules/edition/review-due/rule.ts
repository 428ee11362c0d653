import { daysBetween } from '../../../../lib/dates.ts';
import { defineRule } from '../../../rule.ts';
import { reviewField, reviewOrigin, reviewsAt } from '../../../review-findings.ts';

/** The review date of the edition in force (or announced) is within the lead time of nd.config.json `review.leadDays`. */
export default defineRule(
  {
    id: 'edition/review-due',
    severity: 'warning',
    description: 'срок периодического пересмотра документа не подходит: предупреждение за review.leadDays дней',
  },
  ({ corpus, lookup, buildDate, reviewLeadDays, report }) => {
    for (const { doc, review } of reviewsAt(corpus.documents, lookup, buildDate, reviewLeadDays)) {
      if (review.state !== 'due') continue;
      const { version } = review.edition.data;
      report(
        { value: review.edition, field: reviewField(review) },
        `${doc.code}, редакция ${version}: срок пересмотра ${review.by} (${reviewOrigin(doc, review, lookup)}), осталось дней: ${daysBetween(buildDate, review.by)}; пересмотрите документ до этой даты — выпустите новую редакцию или, если изменения не нужны, запишите в редакцию новую дату nextReview`,
      );
    }
  },
);
