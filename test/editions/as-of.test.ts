import { describe, expect, it } from 'vitest';
import { registryAsOf, type AsOfDocument } from '../../src/model/as-of.ts';

const documents: AsOfDocument[] = [
  {
    code: 'ПР-901',
    editions: [
      { data: { version: '1.0', status: 'утверждена', effective: '2023-01-01', title: 'Порядок управления документированной информацией' } },
      { data: { version: '2.0', status: 'утверждена', effective: '2024-06-01', title: 'Порядок управления документированной информацией' } },
      { data: { version: '3.0', status: 'утверждена', effective: '2025-07-01', title: 'Порядок управления документированной информацией СМК' } },
    ],
  },
  {
    code: 'ПР-902',
    editions: [
      {
        data: {
          version: '1.0',
          status: 'отменена',
          effective: '2020-02-01',
          cancelled: { date: '2024-06-01', replacedBy: 'ПР-901' },
          title: 'Порядок ведения записей',
        },
      },
    ],
  },
];

const brief = (date: string) => registryAsOf(documents, date).map((r) => [r.code, r.state, r.version ?? null, r.replacedBy ?? null, r.title]);

describe('registryAsOf: the registry as it stood on a date', () => {
  it('before the first edition: ПР-901 not yet in force, ПР-902 in force', () => {
    expect(brief('2022-06-01')).toEqual([
      ['ПР-901', 'future', null, null, 'Порядок управления документированной информацией'],
      ['ПР-902', 'current', '1.0', null, 'Порядок ведения записей'],
    ]);
  });
  it('in 2023: edition 1.0 of ПР-901, ПР-902 still in force', () => {
    expect(brief('2023-06-01')).toEqual([
      ['ПР-901', 'current', '1.0', null, 'Порядок управления документированной информацией'],
      ['ПР-902', 'current', '1.0', null, 'Порядок ведения записей'],
    ]);
  });
  it('on the day 2.0 takes effect, ПР-902 is cancelled and replaced by ПР-901', () => {
    expect(brief('2024-06-01')).toEqual([
      ['ПР-901', 'current', '2.0', null, 'Порядок управления документированной информацией'],
      ['ПР-902', 'cancelled', null, 'ПР-901', 'Порядок ведения записей'],
    ]);
  });
  it('after 3.0 takes effect, its new title is shown', () => {
    const [row] = registryAsOf(documents, '2025-08-01');
    expect(row).toMatchObject({ state: 'current', version: '3.0', from: '2025-07-01', title: 'Порядок управления документированной информацией СМК' });
    expect(row?.until).toBeUndefined();
  });
  it('reports the period of the edition in force', () => {
    expect(registryAsOf(documents, '2023-06-01')[0]).toMatchObject({ from: '2023-01-01', until: '2024-06-01' });
  });
});
