import { documentStatus, reviewedEdition, type DocumentStatus, type EditionDates } from './editions.ts';

/** What «На дату» needs of an edition; the page embeds exactly this per document. `reviewBy`: its review date (src/model/review.ts). */
export type AsOfEdition = EditionDates & { title: string; reviewBy?: string };

export interface AsOfDocument {
  code: string;
  editions: { data: AsOfEdition }[];
}

/** One registry row as it stood on a date. */
export interface AsOfRow {
  code: string;
  /** Title of the edition in force, else of the one to come, else of the newest. */
  title: string;
  state: DocumentStatus<unknown>['state'];
  /** Version in force on the date. */
  version?: string;
  /** Since when that version was in force, and until when (exclusive), if it ended or will end. */
  from?: string;
  until?: string;
  /** For a cancelled document: since when, and its successor. */
  cancelledOn?: string;
  replacedBy?: string;
  /** Review date of the edition in force (or announced) on the date, and whether it had passed by then. */
  reviewBy?: string;
  reviewOverdue?: boolean;
}

export const AS_OF_STATE_LABELS: Record<AsOfRow['state'], string> = {
  current: 'В действии',
  future: 'Ещё не введён в действие',
  cancelled: 'Отменён',
  draft: 'Проект, не утверждён',
};

/** The registry on `date`: which edition of each document was in force. Same order as given. */
export function registryAsOf(documents: readonly AsOfDocument[], date: string): AsOfRow[] {
  return documents.map((doc) => {
    const status = documentStatus(doc.editions, date);
    const current = status.current;
    const reviewBy = reviewedEdition(status)?.edition.data.reviewBy;
    return {
      code: doc.code,
      title: status.shown?.edition.data.title ?? '',
      state: status.state,
      version: current?.edition.data.version,
      from: current?.from,
      until: current?.interval?.until,
      cancelledOn: status.cancelledOn,
      replacedBy: status.replacedBy,
      reviewBy,
      reviewOverdue: reviewBy === undefined ? undefined : date > reviewBy,
    };
  });
}
