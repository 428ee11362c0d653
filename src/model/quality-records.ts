import path from 'node:path';
import type { Auditor, AuditPlan, AuditProgram, AuditReport, CorrectiveActionPlan, ImprovementPlan, ProgramAudit } from '../schemas/audit.ts';
import type { QmsMap } from '../schemas/qms.ts';
import type { QualityStandard } from '../schemas/quality-standard.ts';
import type { Corpus, Located } from './corpus.ts';

/** The standard every QMS record cites clauses of. */
export const QMS_STANDARD = 'iso-9001-2015';
/** Role ids (content/registries/roles.json) the audit rules rely on. */
export const AUDITOR_ROLE = 'auditor';
export const TEAM_LEADER_ROLE = 'audit-team-leader';

/** One audit of a program, with where it is written. */
export interface ProgramAuditRef {
  program: Located<AuditProgram>;
  index: number;
  audit: ProgramAudit;
}

/** Quality standards and audit records of a corpus, typed and indexed (schema-valid files only). */
export interface QualityRecords {
  standards: Located<QualityStandard>[];
  qmsMaps: Located<QmsMap>[];
  /** Registry entries, each located at `items[i]` of audits/auditors.json. */
  auditors: Located<Auditor>[];
  programs: Located<AuditProgram>[];
  plans: Located<AuditPlan>[];
  reports: Located<AuditReport>[];
  actionPlans: Located<CorrectiveActionPlan>[];
  improvementPlans: Located<ImprovementPlan>[];
  auditorById: Map<string, Located<Auditor>>;
  /** Audit id → its place in a program (the first, when an id is repeated). */
  audits: Map<string, ProgramAuditRef>;
  planOf: Map<string, Located<AuditPlan>>;
  reportOf: Map<string, Located<AuditReport>>;
  actionsOf: Map<string, Located<CorrectiveActionPlan>>;
  improvementsOf: Map<string, Located<ImprovementPlan>>;
}

const cache = new WeakMap<Corpus, QualityRecords>();

/** Typed view over `corpus.records`; computed once per corpus. */
export function qualityRecords(corpus: Corpus): QualityRecords {
  let view = cache.get(corpus);
  if (!view) cache.set(corpus, (view = build(corpus)));
  return view;
}

function build(corpus: Corpus): QualityRecords {
  const of = <T>(kind: string) => (corpus.records.get(kind) ?? []) as Located<T>[];
  const auditors = of<{ items: Auditor[] }>('auditors').flatMap((file) =>
    file.data.items.map((data, index): Located<Auditor> => ({ data, file: file.file, locate: file.locate, at: [...file.at, 'items', index] })),
  );
  const programs = of<AuditProgram>('audit-program');
  const audits = new Map<string, ProgramAuditRef>();
  for (const program of programs) {
    program.data.audits.forEach((audit, index) => {
      if (!audits.has(audit.id)) audits.set(audit.id, { program, index, audit });
    });
  }
  const byAudit = <T extends { audit: string }>(list: Located<T>[]) => {
    const map = new Map<string, Located<T>>();
    for (const item of list) if (!map.has(item.data.audit)) map.set(item.data.audit, item);
    return map;
  };
  const plans = of<AuditPlan>('audit-plan');
  const reports = of<AuditReport>('audit-report');
  const actionPlans = of<CorrectiveActionPlan>('corrective-actions');
  const improvementPlans = of<ImprovementPlan>('improvement-proposals');
  return {
    standards: of<QualityStandard>('quality-standard').sort((a, b) => a.data.title.localeCompare(b.data.title, 'ru')),
    qmsMaps: of<QmsMap>('qms-map'),
    auditors,
    programs: programs.sort((a, b) => a.data.period.from.localeCompare(b.data.period.from)),
    plans,
    reports,
    actionPlans,
    improvementPlans,
    auditorById: new Map(auditors.toReversed().map((a) => [a.data.id, a])),
    audits,
    planOf: byAudit(plans),
    reportOf: byAudit(reports),
    actionsOf: byAudit(actionPlans),
    improvementsOf: byAudit(improvementPlans),
  };
}

/** Whether one unit is the other or contains it (walking `parent` in the unit registry). */
export function unitsRelated(units: ReadonlyMap<string, { data: { parent: string | null } }>, a: string, b: string): boolean {
  return isWithin(units, a, b) || isWithin(units, b, a);
}

/** `inner` is `outer` or one of its descendants. */
export function isWithin(units: ReadonlyMap<string, { data: { parent: string | null } }>, inner: string, outer: string): boolean {
  const seen = new Set<string>();
  for (let id: string | null | undefined = inner; id && !seen.has(id); id = units.get(id)?.data.parent) {
    if (id === outer) return true;
    seen.add(id);
  }
  return false;
}

/** Where an action or proposal stands at a date: closed, past its due date, or still open. */
export type ActionState = 'open' | 'overdue' | 'closed';

export const ACTION_STATE_LABELS: Record<ActionState, string> = { open: 'Открыто', overdue: 'Просрочено', closed: 'Закрыто' };

export function actionState(item: { status: string; due: string }, date: string): ActionState {
  if (item.status === 'закрыто') return 'closed';
  return item.due < date ? 'overdue' : 'open';
}

/** A record's path relative to the content root (`audits/2026/plans/2026-03.json`), for messages. */
export function contentPath(corpus: Corpus, file: { path: string }): string {
  return path.relative(corpus.root, path.resolve(file.path)).split(path.sep).join('/');
}

/** Where the sibling record of an audit lives: `audits/2026/reports/x.json` → `audits/2026/actions/<audit>.json`. */
export function siblingPath(corpus: Corpus, file: { path: string }, folder: string, audit: string): string {
  const year = /(?:^|\/)audits\/(\d{4})\//.exec(contentPath(corpus, file))?.[1] ?? '<год>';
  return `audits/${year}/${folder}/${audit}.json`;
}
