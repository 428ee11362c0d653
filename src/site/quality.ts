import { routes } from '../lib/routes.ts';
import { qualityRecords, type QualityRecords } from '../model/quality-records.ts';
import type { AuditProgram } from '../schemas/audit.ts';
import type { Site } from './data.ts';

/** Audit records name people and findings: internal. A build for a wider audience publishes none. */
export const AUDIT_RECORDS_ACCESS = 'internal';

export function auditsPublished(site: Site): boolean {
  const levels = site.check.lookup.accessLevels;
  return (levels.get(site.config.audience)?.rank ?? 0) >= (levels.get(AUDIT_RECORDS_ACCESS)?.rank ?? 0);
}

/**
 * Quality and audit records of the site's corpus (the checker has validated them). Quality
 * standards and the QMS map belong to the policy's appendices and follow it; audit records only
 * reach an audience allowed to read internal documents.
 */
export function recordsOf(site: Site): QualityRecords {
  const all = qualityRecords(site.check.corpus);
  if (auditsPublished(site)) return all;
  return {
    ...all, auditors: [], programs: [], plans: [], reports: [], actionPlans: [], improvementPlans: [],
    auditorById: new Map(), audits: new Map(), planOf: new Map(), reportOf: new Map(), actionsOf: new Map(), improvementsOf: new Map(),
  };
}

/** The published appendix whose text places a content component (`QualityStandards` → ПТ-035, 2). */
export function appendixShowing(site: Site, component: string): { code: string; number: number; title: string; href: string } | undefined {
  for (const doc of site.documents) {
    for (const appendix of doc.appendices) {
      // The checker already listed every JSX element of the file: no need to parse it again.
      const found = appendix.source.extracted?.code.some((node) => node.kind === 'jsx' && node.name === component) ?? false;
      if (found) return { code: doc.code, number: appendix.data.number, title: appendix.data.title, href: routes.appendix(doc.code, appendix.data.number) };
    }
  }
  return undefined;
}

export const unitName = (site: Site, id: string) => site.check.lookup.units.get(id)?.data.name ?? id;

export const auditorName = (site: Site, id: string) => recordsOf(site).auditorById.get(id)?.data.name ?? id;

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
