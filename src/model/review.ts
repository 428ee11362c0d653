import { addDays, addMonths } from '../lib/dates.ts';
import type { Edition } from '../schemas/document.ts';
import { documentStatus, reviewedEdition, type EditionDates } from './editions.ts';

/**
 * Periodic review (ISO 9001:2015, 7.5.2 b): by which date an edition must be reviewed. Pure and
 * clock-free: the checker, the publish step and the «На дату» script all judge a date with it.
 */

/** The fields the computation reads. */
export type ReviewDates = EditionDates & Pick<Edition, 'approved' | 'nextReview' | 'reviewPeriodMonths'>;

/** Where the date comes from, in the words a page or a message shows. */
export type ReviewBasis = 'nextReview' | 'reviewPeriodMonths' | 'type';

export interface ReviewDate {
  /** Review is due by this date (inclusive): after it the edition is overdue. */
  by: string;
  basis: ReviewBasis;
  /** Months, for a date computed from a period. */
  months?: number;
}

export const REVIEW_BASIS_LABELS: Record<ReviewBasis, string> = {
  nextReview: 'дата nextReview редакции',
  reviewPeriodMonths: 'период reviewPeriodMonths редакции',
  type: 'период пересмотра вида документа',
};

/**
 * The review date of an edition: `nextReview` if written, else approval (or, without it, effective date)
 * plus the edition's `reviewPeriodMonths`, else plus its type's `reviewPeriod`. Undefined when none is set.
 */
export function reviewDate(data: ReviewDates, typePeriod: number | undefined): ReviewDate | undefined {
  if (data.nextReview) return { by: data.nextReview, basis: 'nextReview' };
  const start = data.approved ?? data.effective;
  if (!start) return undefined;
  if (data.reviewPeriodMonths) return { by: addMonths(start, data.reviewPeriodMonths), basis: 'reviewPeriodMonths', months: data.reviewPeriodMonths };
  if (typePeriod) return { by: addMonths(start, typePeriod), basis: 'type', months: typePeriod };
  return undefined;
}

/** ok — not yet; due — within the lead time; overdue — the date has passed. */
export type ReviewState = 'ok' | 'due' | 'overdue';

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { ok: 'в срок', due: 'скоро пересмотр', overdue: 'пересмотр просрочен' };

export function reviewState(by: string, date: string, leadDays: number): ReviewState {
  if (date > by) return 'overdue';
  return addDays(by, -leadDays) <= date ? 'due' : 'ok';
}

export interface DocumentReview<E> extends ReviewDate {
  /** The edition whose review it is: the newest approved one in force or announced. */
  edition: E;
  state: ReviewState;
}

/**
 * The review a document owes at `date`. An approved edition still to come counts as the review of the
 * one in force, so its date is the one that matters. Cancelled and draft documents owe none.
 */
export function documentReview<E extends { data: ReviewDates }>(
  editions: readonly E[],
  typePeriod: number | undefined,
  date: string,
  leadDays: number,
): DocumentReview<E> | undefined {
  const status = documentStatus(editions, date);
  const edition = reviewedEdition(status)?.edition;
  if (!edition) return undefined;
  const review = reviewDate(edition.data, typePeriod);
  return review && { ...review, edition, state: reviewState(review.by, date, leadDays) };
}
