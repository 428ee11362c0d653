import type { Edition } from '../schemas/document.ts';

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

export interface EditionTimeline<E> {
  edition: E;
  state: EditionState;
  /** First day the edition is in force (approved editions). */
  from?: string;
  /** Day it stopped being in force, if it has (next edition's effective date or cancellation). */
  until?: string;
}

export interface DocumentStatus<E> {
  /** The edition in force at the date, if any. */
  current?: EditionTimeline<E>;
  /** The newest approved edition still to come. */
  upcoming?: EditionTimeline<E>;
  /** All editions, oldest first, with their state at the date. */
  timeline: EditionTimeline<E>[];
  /** The document as a whole at the date. */
  state: 'current' | 'future' | 'cancelled' | 'draft';
  cancelledOn?: string;
  replacedBy?: string;
}

/**
 * Exactly one edition is in force at `date`: the approved one with the latest effective date on or
 * before it, unless the document was cancelled on or before `date`.
 */
export function documentStatus<E extends { data: Edition }>(editions: readonly E[], date: string): DocumentStatus<E> {
  const approved = editions
    .filter((e) => e.data.status !== 'проект' && e.data.effective)
    .sort((a, b) => (a.data.effective ?? '').localeCompare(b.data.effective ?? ''));
  const cancellation = editions
    .map((e) => e.data.cancelled)
    .filter((c): c is NonNullable<Edition['cancelled']> => Boolean(c) && (c?.date ?? '') <= date)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  const inForce = approved.filter((e) => e.data.status === 'утверждена' && (e.data.effective ?? '') <= date);
  const currentEdition = cancellation ? undefined : inForce.at(-1);
  const timeline = editions.map((edition): EditionTimeline<E> => {
    const from = edition.data.effective;
    if (edition.data.status === 'проект' || !from) return { edition, state: 'draft' };
    if (edition.data.status === 'отменена') return { edition, state: 'cancelled', from, until: edition.data.cancelled?.date };
    if (from > date) return { edition, state: 'future', from };
    const next = approved.find((e) => (e.data.effective ?? '') > from && e.data.status === 'утверждена');
    const stop = [next?.data.effective, cancellation?.date].filter((d): d is string => Boolean(d) && (d ?? '') <= date).sort()[0];
    if (edition === currentEdition) return { edition, state: 'current', from };
    if (cancellation && !next) return { edition, state: 'cancelled', from, until: cancellation.date };
    return { edition, state: 'superseded', from, until: stop };
  });
  const current = timeline.find((t) => t.state === 'current');
  const upcoming = timeline.filter((t) => t.state === 'future').at(-1);
  const state = current ? 'current' : cancellation ? 'cancelled' : upcoming ? 'future' : 'draft';
  return { current, upcoming, timeline, state, cancelledOn: cancellation?.date, replacedBy: cancellation?.replacedBy };
}
