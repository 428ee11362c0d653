import { covers } from '../model/clause-coverage.ts';
import { QMS_STANDARD, actionState, type ActionState } from '../model/quality-records.ts';
import { recordsOf } from './quality.ts';
import type { Site } from './view.ts';

/**
 * The clause-to-evidence matrix of ISO 9001:2015: for every clause of the catalog, what addresses it
 * (documents in force, quality standard requirements) and what checked it (audits of the current
 * program, findings, open actions). Built from the published view only, so audit columns exist only
 * for an audience that may read audit records.
 */
export interface MatrixRow {
  clause: string;
  ru: string;
  en: string;
  /** Published documents in force that cite the clause or one of its sub-clauses, or that the QMS map (Appendix 1) names for it. */
  documents: string[];
  /** Quality standard requirements mapped to it: `customer-service/CS-01`. */
  requirements: { standard: string; id: string }[];
  /** Audits of the current program whose clauses cover it (a section covers its clauses). */
  audits: string[];
  /** Findings against it: `2026-03 № 1`. */
  findings: { audit: string; number: number; type: string }[];
  /** Actions on those findings that are not closed. */
  actions: { audit: string; finding: number; due: string; state: Exclude<ActionState, 'closed'> }[];
  /** No document and no audit addresses it. */
  uncovered: boolean;
}

export interface ClauseMatrix {
  standard: string;
  date: string;
  /** Period of the audit program used, when audits are published. */
  program?: { from: string; to: string };
  audits: boolean;
  rows: MatrixRow[];
}

/** A citation of `cited` is about `clause` when it is the clause or lies inside it. */
const within = (cited: string, clause: string) => cited === clause || cited.startsWith(`${clause}.`);

export function clauseMatrix(site: Site): ClauseMatrix {
  const standard = site.lookup.standards.get(QMS_STANDARD);
  const records = recordsOf(site);
  // The program in force at the build's date, else the latest one.
  const programs = [...records.programs].sort((a, b) => a.data.period.from.localeCompare(b.data.period.from));
  const program = programs.find((p) => p.data.period.from <= site.date && site.date <= p.data.period.to) ?? programs.at(-1);
  const reports = records.reports.filter((r) => !program || program.data.audits.some((a) => a.id === r.data.audit));
  const rows = (standard?.clauses ?? []).map((c): MatrixRow => {
    const mapped = records.qmsMaps.flatMap((m) => m.data.rows.filter((r) => within(r.clause, c.number)).flatMap((r) => r.documents.map((d) => d.code)));
    const documents = [
      ...Object.entries(site.qmsClauseCitations)
        .filter(([cited]) => within(cited, c.number))
        .flatMap(([, codes]) => codes),
      ...mapped,
    ].filter((code) => site.byCode.get(code)?.status.current);
    const requirements = records.standards.flatMap((s) =>
      s.data.requirements.filter((r) => r.clauses.some((cl) => within(cl, c.number))).map((r) => ({ standard: s.data.id, id: r.id })),
    );
    const audits = (program?.data.audits ?? []).filter((a) => a.clauses.some((cl) => covers(cl, c.number))).map((a) => a.id);
    const findings = reports.flatMap((r) =>
      r.data.findings.filter((f) => f.clause && within(f.clause, c.number)).map((f) => ({ audit: r.data.audit, number: f.number, type: f.type })),
    );
    const actions = findings.flatMap((f) =>
      (records.actionsOf.get(f.audit)?.data.actions ?? [])
        .filter((a) => a.finding === f.number)
        .map((a) => ({ audit: f.audit, finding: f.number, due: a.due, state: actionState(a, site.date) }))
        .filter((a): a is MatrixRow['actions'][number] => a.state !== 'closed'),
    );
    const unique = [...new Set(documents)].sort();
    return {
      clause: c.number,
      ru: c.ru,
      en: c.en,
      documents: unique,
      requirements,
      audits,
      findings,
      actions,
      uncovered: unique.length === 0 && audits.length === 0,
    };
  });
  return { standard: QMS_STANDARD, date: site.date, program: program?.data.period, audits: site.auditsPublished, rows };
}

const CSV_HEAD = ['Пункт', 'Наименование', 'Документы', 'Требования стандартов качества'];
const CSV_AUDIT_HEAD = ['Аудиты программы', 'Находки', 'Открытые мероприятия', 'Просроченные мероприятия'];

const cell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The matrix as CSV for Excel: UTF-8 with BOM, `;` between cells (the Russian locale's list separator), CRLF. */
export function matrixCsv(matrix: ClauseMatrix): string {
  const head = [...CSV_HEAD, ...(matrix.audits ? CSV_AUDIT_HEAD : []), 'Не охвачен'];
  const lines = matrix.rows.map((r) => [
    r.clause,
    r.ru,
    r.documents.join(', '),
    r.requirements.map((q) => `${q.standard}/${q.id}`).join(', '),
    ...(matrix.audits
      ? [
          r.audits.join(', '),
          r.findings.map((f) => `${f.audit} № ${f.number}`).join(', '),
          String(r.actions.filter((a) => a.state === 'open').length),
          String(r.actions.filter((a) => a.state === 'overdue').length),
        ]
      : []),
    r.uncovered ? 'да' : '',
  ]);
  return `\uFEFF${[head, ...lines].map((line) => line.map(cell).join(';')).join('\r\n')}\r\n`;
}
