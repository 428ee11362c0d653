import type { EditionEntry } from '../model/corpus.ts';
import { covers, editionIntervals } from '../model/editions.ts';

export const approvedEditions = (editions: readonly EditionEntry[]) => editions.filter((e) => e.data.status !== 'проект');

/**
 * Editions that would all be in force at the date: approved, effective on the same latest day on or
 * before it, the document not cancelled. The site shows the later version; the author must decide.
 * `edition/one-in-force` reports them; `edition/order` leaves them to it.
 */
export function tiedInForce(editions: readonly EditionEntry[], date: string): EditionEntry[] {
  const intervals = editionIntervals(editions);
  const current = editions.find((e) => {
    const interval = intervals.get(e);
    return interval !== undefined && covers(interval, date);
  });
  if (!current) return [];
  return approvedEditions(editions).filter((e) => e.data.effective === current.data.effective);
}
