import { typePrefix } from '../lib/codes.ts';
import type { DocumentEntry, EditionEntry } from '../model/corpus.ts';
import type { Lookup } from '../model/lookup.ts';
import { documentReview, type DocumentReview } from '../model/review.ts';
import type { FieldPath } from '../model/parsed.ts';

/** The review each document owes at the build's date, computed once for both review rules. */
export function reviewsAt(
  documents: readonly DocumentEntry[],
  lookup: Lookup,
  date: string,
  leadDays: number,
): { doc: DocumentEntry; review: DocumentReview<EditionEntry> }[] {
  return documents.flatMap((doc) => {
    const period = lookup.types.get(typePrefix(doc.code))?.reviewPeriod;
    const review = documentReview(doc.editions, period, date, leadDays);
    return review ? [{ doc, review }] : [];
  });
}

/** The field an author changes: the date or period written in the edition, else its approval date. */
export function reviewField(review: DocumentReview<EditionEntry>): FieldPath {
  if (review.basis === 'nextReview') return ['nextReview'];
  if (review.basis === 'reviewPeriodMonths') return ['reviewPeriodMonths'];
  return review.edition.data.approved ? ['approved'] : ['effective'];
}

/** How the date was found, in the words of a message. */
export function reviewOrigin(doc: DocumentEntry, review: DocumentReview<EditionEntry>, lookup: Lookup): string {
  const { data } = review.edition;
  const start = data.approved ? `утверждена ${data.approved}` : `введена ${data.effective}`;
  if (review.basis === 'nextReview') return 'задан свойством nextReview';
  if (review.basis === 'reviewPeriodMonths') return `${start} + ${review.months} мес. по reviewPeriodMonths`;
  const type = lookup.types.get(typePrefix(doc.code));
  return `${start} + ${review.months} мес. — период пересмотра вида «${type?.name ?? ''}» в registries/document-types.json`;
}
