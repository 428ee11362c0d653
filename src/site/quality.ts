import { routes } from '../lib/routes.ts';
import { qualityRecords, type QualityRecords } from '../model/quality-records.ts';
import type { AuditProgram } from '../schemas/audit.ts';
import type { Corpus } from '../model/corpus.ts';
import type { Principle } from '../schemas/document.ts';
import type { Unit } from '../schemas/registries.ts';
import type { Site } from './site.ts';

/** What the record helpers read: the site, or a page's view made from its route data (src/site/route-data.ts). */
type WithRecords = { records?: Record<string, unknown[]> };
type WithUnits = { lookup: { units: ReadonlyMap<string, Unit> } };

/** Whether the audience may read audit records (decided by src/publish/publish.ts). */
export const auditsPublished = (site: { auditsPublished?: boolean }): boolean => site.auditsPublished ?? false;

const records = new WeakMap<WithRecords, QualityRecords>();

/**
 * Quality and audit records of the published view, typed and indexed the way the checker indexes
 * them. The view holds only what the audience may read: audit records for an internal audience only.
 */
export function recordsOf(site: WithRecords): QualityRecords {
  let found = records.get(site);
  if (!found) {
    const byKind = new Map(Object.entries(site.records ?? {}).map(([kind, list]) => [kind, list.map((data) => ({ data, at: [] }))]));
    records.set(site, (found = qualityRecords({ records: byKind } as unknown as Corpus)));
  }
  return found;
}

/** The published appendix whose text places a content component (`QualityStandards` → ПТ-035, 2). */
export function appendixShowing(site: Site, component: string): { code: string; number: number; title: string; href: string } | undefined {
  const home = site.componentHomes[component];
  return home && { ...home, href: routes.appendix(home.code, home.number) };
}

/** A principle or CX direction by its id, as the policy's shown edition words it; the id itself when unknown. */
export const principleTitle = (site: { principles?: Record<string, Principle[]> }, policy: string, id: string) =>
  site.principles?.[policy]?.find((p) => p.id === id)?.title ?? id;

export const unitName = (site: WithUnits, id: string) => site.lookup.units.get(id)?.name ?? id;

export const auditorName = (site: WithRecords, id: string) => recordsOf(site).auditorById.get(id)?.data.name ?? id;

/** The program's year as its address segment: the year its period starts. */
export const programYear = (program: AuditProgram) => program.period.from.slice(0, 4);

const MONTH_NAMES = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** Every month of a period, `YYYY-MM`, with its Russian name. */
export function monthsOf(period: { from: string; to: string }): Array<{ month: string; name: string; short: string }> {
  const out = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  const end = period.to.slice(0, 7);
  for (let guard = 0; guard < 60; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    const name = MONTH_NAMES[m - 1] ?? '';
    out.push({ month, name: `${name} ${y}`, short: name.slice(0, 3) });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** «значительное несоответствие» → a short class for styling the finding's kind. */
export const findingClass = (type: string) =>
  type.startsWith('значительное') ? 'major' : type.startsWith('незначительное') ? 'minor' : type === 'наблюдение' ? 'observation' : 'opportunity';
