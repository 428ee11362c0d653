import { describe, expect, it } from 'vitest';
import { documentStatus, editionIntervals, reviewedEdition, type EditionDates } from '../../src/model/editions.ts';

const edition = (version: string, effective: string | undefined, extra: Partial<EditionDates> = {}) => ({
  data: { version, status: 'утверждена', effective, ...extra } as EditionDates,
});
const states = (editions: { data: EditionDates }[], date: string) => documentStatus(editions, date).timeline.map((t) => `${t.edition.data.version}:${t.state}`);

describe('documentStatus: one edition in force, computed from dates', () => {
  const three = [edition('1.0', '2023-01-01'), edition('2.0', '2024-06-01'), edition('3.0', '2025-07-01')];

  it.each([
    ['2022-12-31', ['1.0:future', '2.0:future', '3.0:future'], 'future', undefined],
    ['2023-01-01', ['1.0:current', '2.0:future', '3.0:future'], 'current', '1.0'],
    ['2024-05-31', ['1.0:current', '2.0:future', '3.0:future'], 'current', '1.0'],
    ['2024-06-01', ['1.0:superseded', '2.0:current', '3.0:future'], 'current', '2.0'],
    ['2025-07-01', ['1.0:superseded', '2.0:superseded', '3.0:current'], 'current', '3.0'],
  ])('at %s', (date, expected, state, current) => {
    const status = documentStatus(three, date);
    expect(states(three, date)).toEqual(expected);
    expect(status.state).toBe(state);
    expect(status.current?.edition.data.version).toBe(current);
  });

  it('says when a superseded edition stopped, and names the next edition to come', () => {
    const status = documentStatus(three, '2025-03-01');
    expect(status.timeline[0]).toMatchObject({ from: '2023-01-01', until: '2024-06-01' });
    expect(status.timeline[1]?.until).toBeUndefined();
    expect(status.timeline[1]?.interval).toEqual({ from: '2024-06-01', until: '2025-07-01', endedBy: 'next' });
    expect(status.upcoming?.edition.data.version).toBe('3.0');
  });

  it('names the nearest future edition as upcoming, not the newest', () => {
    const editions = [edition('1.0', '2023-01-01'), edition('2.0', '2026-01-01'), edition('3.0', '2027-01-01')];
    expect(documentStatus(editions, '2025-01-01').upcoming?.edition.data.version).toBe('2.0');
  });

  it('keeps drafts and approved editions without a date out of force', () => {
    const editions = [edition('1.0', '2023-01-01'), edition('2.0', '2024-01-01', { status: 'проект' }), edition('2.1', undefined)];
    expect(states(editions, '2025-01-01')).toEqual(['1.0:current', '2.0:draft', '2.1:draft']);
  });

  it('an edition marked «отменена» is in force until its cancellation date, then the document is cancelled', () => {
    const cancelled = { date: '2024-06-01', act: 'Приказ № 2', replacedBy: 'ПР-901' };
    const editions = [edition('1.0', '2020-02-01', { status: 'отменена', cancelled })];
    expect(states(editions, '2024-05-31')).toEqual(['1.0:current']);
    expect(documentStatus(editions, '2024-05-31')).toMatchObject({ state: 'current', cancelledOn: undefined, cancellation: cancelled });
    expect(states(editions, '2024-06-01')).toEqual(['1.0:cancelled']);
    expect(documentStatus(editions, '2024-06-01')).toMatchObject({ state: 'cancelled', cancelledOn: '2024-06-01', replacedBy: 'ПР-901' });
  });

  it('after a cancellation, earlier editions stay superseded and the last one is cancelled', () => {
    const editions = [edition('1.0', '2020-01-01'), edition('2.0', '2021-01-01', { status: 'отменена', cancelled: { date: '2022-01-01' } })];
    expect(states(editions, '2023-01-01')).toEqual(['1.0:superseded', '2.0:cancelled']);
  });

  it('«отменена» without a date is never shown as in force', () => {
    const editions = [edition('1.0', '2020-01-01', { status: 'отменена' })];
    expect(documentStatus(editions, '2023-01-01').state).toBe('cancelled');
  });

  it('of two editions effective the same day, the later version is in force (the checker reports the tie)', () => {
    const editions = [edition('1.0', '2024-01-01'), edition('1.1', '2024-01-01')];
    expect(states(editions, '2024-02-01')).toEqual(['1.0:superseded', '1.1:current']);
    expect(editionIntervals(editions).get(editions[0]!)).toEqual({ from: '2024-01-01', until: '2024-01-01', endedBy: 'next' });
  });
});

describe('documentStatus: the shown edition, decided once', () => {
  it('is the edition in force, else the upcoming one, else the newest', () => {
    const shown = (editions: { data: EditionDates }[], date: string) => documentStatus(editions, date).shown?.edition.data.version;
    expect(shown([edition('1.0', '2023-01-01'), edition('2.0', '2026-01-01')], '2024-01-01')).toBe('1.0');
    expect(shown([edition('1.0', '2026-01-01'), edition('2.0', '2027-01-01')], '2024-01-01')).toBe('1.0');
    expect(shown([edition('1.0', undefined, { status: 'проект' }), edition('1.1', undefined, { status: 'проект' })], '2024-01-01')).toBe('1.1');
    expect(documentStatus([], '2024-01-01').shown).toBeUndefined();
  });

  it('is computed once per list and date, and again when the list changes', () => {
    const editions = [edition('1.0', '2023-01-01')];
    const first = documentStatus(editions, '2024-01-01');
    expect(documentStatus(editions, '2024-01-01')).toBe(first);
    expect(documentStatus(editions, '2024-01-02')).not.toBe(first);
    editions.push(edition('2.0', '2023-06-01'));
    const changed = documentStatus(editions, '2024-01-01');
    expect(changed).not.toBe(first);
    expect(changed.current?.edition.data.version).toBe('2.0');
  });
});

describe('reviewedEdition: the edition whose review date matters', () => {
  it('is the approved edition to come, else the one in force, else none', () => {
    const reviewed = (editions: { data: EditionDates }[], date: string) => reviewedEdition(documentStatus(editions, date))?.edition.data.version;
    expect(reviewed([edition('1.0', '2023-01-01'), edition('2.0', '2026-01-01')], '2024-01-01')).toBe('2.0');
    expect(reviewed([edition('1.0', '2023-01-01'), edition('2.0', '2026-01-01')], '2026-06-01')).toBe('2.0');
    expect(reviewed([edition('1.0', '2023-01-01')], '2024-01-01')).toBe('1.0');
    expect(reviewed([edition('1.0', undefined, { status: 'проект' })], '2024-01-01')).toBeUndefined();
  });
});
