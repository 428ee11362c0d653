import { stringify } from 'csv-stringify/sync';
import { formatDate } from '../lib/dates.ts';
import { concerns, unitChain, type Catalog, type KnownEdition } from './editions.ts';
import type { AckRecord, Employee } from './store.ts';
import { acknowledgeBy } from '../model/acknowledge.ts';

export type AckState = 'acknowledged' | 'pending' | 'overdue';

export const STATE_NAMES: Record<AckState, string> = { acknowledged: 'ознакомлен(а)', pending: 'не ознакомлен(а), срок не истёк', overdue: 'просрочено' };

/** One concerned employee in a report. */
export interface ReportRow {
  code: string;
  version: string;
  login: string;
  name: string;
  unit: string;
  unitName: string;
  state: AckState;
  /** When they acknowledged (ISO timestamp), or null. */
  time: string | null;
  /** Last day to acknowledge, if the edition has an effective date. */
  deadline: string | null;
}

export interface Figures {
  concerned: number;
  acknowledged: number;
  pending: number;
  overdue: number;
}

/** The day in Moscow (the company's calendar) of a timestamp: `2026-12-03`. */
export const localDay = (time: Date | string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(new Date(time));

/** Whether `unit` is `root` or lies under it. */
export const within = (catalog: Pick<Catalog, 'units'>, unit: string, root: string) => unitChain(catalog.units, unit).includes(root);

/** Rows of one edition: every employee it concerns, with their state on `today`. */
export function editionRows(
  catalog: Catalog,
  edition: KnownEdition,
  employees: readonly Employee[],
  records: readonly AckRecord[],
  today: string,
): ReportRow[] {
  const byLogin = new Map(records.map((r) => [r.login, r]));
  const deadline = acknowledgeBy(edition) ?? null;
  return employees
    .filter((e) => concerns(catalog, edition, e.unit, e.roles))
    .map((e): ReportRow => {
      const record = byLogin.get(e.login);
      const state: AckState = record ? 'acknowledged' : deadline !== null && today > deadline ? 'overdue' : 'pending';
      return {
        code: edition.code,
        version: edition.version,
        login: e.login,
        name: e.name,
        unit: e.unit,
        unitName: catalog.units.get(e.unit)?.name ?? e.unit,
        state,
        time: record?.time ?? null,
        deadline,
      };
    });
}

export function figures(rows: readonly ReportRow[]): Figures {
  const count = (state: AckState) => rows.filter((r) => r.state === state).length;
  return { concerned: rows.length, acknowledged: count('acknowledged'), pending: count('pending'), overdue: count('overdue') };
}

/** Figures by unit, in the registry's order. */
export function byUnit(catalog: Catalog, rows: readonly ReportRow[]) {
  const groups = Map.groupBy(rows, (r) => r.unit);
  return [...catalog.units.keys()]
    .filter((id) => groups.has(id))
    .map((id) => ({ unit: id, unitName: catalog.units.get(id)?.name ?? id, ...figures(groups.get(id)!) }));
}

/** CSV for Excel: UTF-8 with BOM, `;` between columns, Russian headings, dates as Excel reads them. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const header = ['Код', 'Редакция', 'Логин', 'ФИО', 'Подразделение', 'Состояние', 'Ознакомлен(а)', 'Срок'];
  const body = rows.map((r) => [
    r.code,
    r.version,
    r.login,
    r.name,
    r.unitName,
    STATE_NAMES[r.state],
    r.time
      ? `${localDay(r.time)} ${new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' }).format(new Date(r.time))}`
      : '',
    r.deadline ?? '',
  ]);
  return `\uFEFF${stringify([header, ...body], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

/** «Вы ознакомились 3 декабря 2026 г.» */
export const acknowledgedOn = (time: string) => `Вы ознакомились ${formatDate(localDay(time))}`;
