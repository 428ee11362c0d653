import type { Edition } from '../schemas/document.ts';
import { compareNatural } from '../lib/codes.ts';

/**
 * What an edition is at a given date — computed, never typed:
 * проект (draft), вступает в силу (future), действует (current), заменена (superseded), отменена (cancelled).
 */
export type EditionState = 'draft' | 'future' | 'current' | 'superseded' | 'cancelled';

export const STATE_LABELS: Record<EditionState, string> = {
  draft: 'Проект',
  future: 'Вступает в силу',
  current: 'Действует',
  superseded: 'Недействующая редакция',
  cancelled: 'Отменена',
};

/**
 * The fields the computation reads. Pages pass corpus entries; the «На дату» page script passes
 * the same fields as plain JSON, so the browser and the build judge a date with one function.
 */
export type EditionDates = Pick<Edition, 'version' | 'status' | 'effective' | 'cancelled'>;

/** The document's cancellation: from which day, by which act, and its successor. */
export interface Cancellation {
  date: string;
  act?: string;
  replacedBy?: string;
}

/** When an edition is in force, independent of any date: from `from` (inclusive) to `until` (exclusive). */
export interface EditionInterval {
  from: string;
  /** First day it is no longer in force; absent while nothing is known to end it. */
  until?: string;
  /** What ends it: a later edition taking effect, or the document's cancellation. */
  endedBy?: 'next' | 'cancellation';
}

export interface EditionTimeline<E> {
  edition: E;
  state: EditionState;
  /** First day the edition is in force (approved editions). */
  from?: string;
  /** Day it stopped being in force, if it has by the date (next edition's effective date or cancellation). */
  until?: string;
  /** The whole interval, including an end still to come. */
  interval?: EditionInterval;
}

export interface DocumentStatus<E> {
  /** The edition in force at the date, if any. */
  current?: EditionTimeline<E>;
  /** The approved edition that takes effect next after the date. */
  upcoming?: EditionTimeline<E>;
  /**
   * The edition the document's address shows and its title comes from: the one in force, else the
   * upcoming one, else the newest. Decided here only; undefined only for a document without editions.
   */
  shown?: EditionTimeline<E>;
  /** All editions, in the order given (oldest version first), with their state at the date. */
  timeline: EditionTimeline<E>[];
  /** The document as a whole at the date. */
  state: 'current' | 'future' | 'cancelled' | 'draft';
  /** Set when the document is cancelled on or before the date. */
  cancelledOn?: string;
  /** Successor of a document cancelled on or before the date. */
  replacedBy?: string;
  /** The cancellation recorded in the data, even when it is still to come. */
  cancellation?: Cancellation;
}

/** An edition that was approved and has an effective date: it can be in force. */
const isApproved = (data: EditionDates): data is EditionDates & { effective: string } => data.status !== 'проект' && Boolean(data.effective);

/**
 * The document's cancellation, the earliest recorded. Status «отменена» without a `cancelled`
 * block (a checker error) still counts: a document marked cancelled is never shown as in force.
 */
export function cancellationOf(editions: readonly { data: EditionDates }[]): Cancellation | undefined {
  const found = editions.flatMap(({ data }): Cancellation[] => {
    if (data.cancelled) return [data.cancelled];
    return data.status === 'отменена' ? [{ date: data.effective ?? '' }] : [];
  });
  return found.sort((a, b) => a.date.localeCompare(b.date))[0];
}

/**
 * When each approved edition is in force: from its effective date until the next edition takes effect
 * or the document is cancelled. Editions are ordered by effective date, then version: of two editions
 * effective the same day the later version wins (the checker reports the tie as an error).
 */
export function editionIntervals<E extends { data: EditionDates }>(editions: readonly E[]): Map<E, EditionInterval> {
  const cancellation = cancellationOf(editions);
  const approved = editions
    .filter((e) => isApproved(e.data))
    .sort((a, b) => (a.data.effective ?? '').localeCompare(b.data.effective ?? '') || compareNatural(a.data.version, b.data.version));
  const intervals = new Map<E, EditionInterval>();
  approved.forEach((edition, index) => {
    const from = edition.data.effective ?? '';
    const next = approved[index + 1]?.data.effective;
    const cancelled = cancellation?.date;
    let interval: EditionInterval = { from };
    if (next !== undefined && (cancelled === undefined || next < cancelled)) interval = { from, until: next, endedBy: 'next' };
    else if (cancelled !== undefined) interval = { from, until: cancelled < from ? from : cancelled, endedBy: 'cancellation' };
    intervals.set(edition, interval);
  });
  return intervals;
}

/** True when the interval covers the date (an interval that ends the day it starts covers nothing). */
export const covers = (interval: EditionInterval, date: string): boolean =>
  interval.from <= date && (interval.until === undefined || (date < interval.until && interval.from < interval.until));

/** Statuses already computed, per editions list and date: each document's is computed once per date. */
const computed = new WeakMap<readonly object[], Map<string, { editions: readonly object[]; status: DocumentStatus<object> }>>();

/**
 * At most one edition is in force at `date`: the approved one with the latest effective date on or
 * before it, unless the document was cancelled on or before `date`. Computed once per list and date;
 * a list changed since (an edition added or replaced) is computed again. Callers must not change it.
 */
export function documentStatus<E extends { data: EditionDates }>(editions: readonly E[], date: string): DocumentStatus<E> {
  let byDate = computed.get(editions);
  const known = byDate?.get(date);
  if (known && known.editions.length === editions.length && known.editions.every((e, i) => e === editions[i])) return known.status as DocumentStatus<E>;
  const status = computeStatus(editions, date);
  if (!byDate) computed.set(editions, (byDate = new Map()));
  byDate.set(date, { editions: [...editions], status });
  return status;
}

/**
 * The status seen through a narrower list of editions: each edition mapped by `f`, which returns undefined
 * for one left out (an edition whose text is not published). The document's state and dates stay those
 * of the whole list; `current`, `upcoming` and `shown` are the mapped timeline's own entries, or absent.
 */
export function mapStatus<E, F>(status: DocumentStatus<E>, f: (edition: E) => F | undefined): DocumentStatus<F> {
  const mapped = new Map<EditionTimeline<E>, EditionTimeline<F>>();
  for (const t of status.timeline) {
    const edition = f(t.edition);
    if (edition !== undefined) mapped.set(t, { ...t, edition });
  }
  const entry = (t: EditionTimeline<E> | undefined) => (t ? mapped.get(t) : undefined);
  return {
    ...status,
    current: entry(status.current),
    upcoming: entry(status.upcoming),
    shown: entry(status.shown),
    timeline: [...mapped.values()],
  };
}

/**
 * The edition whose review date matters: an approved edition still to come counts as the review of the
 * one in force, so it is that one; else the one in force. The periodic review (review.ts) and the
 * registry on a date (as-of.ts, also run in the browser) both judge this edition.
 */
export function reviewedEdition<E>(status: Pick<DocumentStatus<E>, 'current' | 'upcoming'>): EditionTimeline<E> | undefined {
  return status.upcoming ?? status.current;
}

function computeStatus<E extends { data: EditionDates }>(editions: readonly E[], date: string): DocumentStatus<E> {
  const intervals = editionIntervals(editions);
  const cancellation = cancellationOf(editions);
  const cancelled = cancellation !== undefined && cancellation.date <= date;
  const timeline = editions.map((edition): EditionTimeline<E> => {
    const interval = intervals.get(edition);
    if (!interval) return { edition, state: 'draft' };
    const { from } = interval;
    if (covers(interval, date)) return { edition, state: 'current', from, interval };
    if (from > date) return { edition, state: cancelled ? 'cancelled' : 'future', from, interval };
    const state = interval.endedBy === 'cancellation' ? 'cancelled' : 'superseded';
    return { edition, state, from, until: interval.until, interval };
  });
  const current = timeline.find((t) => t.state === 'current');
  const upcoming = timeline
    .filter((t) => t.state === 'future')
    .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '') || compareNatural(b.edition.data.version, a.edition.data.version))[0];
  const state = current ? 'current' : cancelled ? 'cancelled' : upcoming ? 'future' : 'draft';
  return {
    current,
    upcoming,
    shown: current ?? upcoming ?? timeline.at(-1),
    timeline,
    state,
    cancelledOn: cancelled ? cancellation.date : undefined,
    replacedBy: cancelled ? cancellation.replacedBy : undefined,
    cancellation,
  };
}
