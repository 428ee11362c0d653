import { coverageClauses, uncovered } from '../../model/clause-coverage.ts';
import type { Located } from '../../model/corpus.ts';
import { QMS_STANDARD, qualityRecords, siblingPath } from '../../model/quality-records.ts';
import { closest } from '../schema-issues.ts';
import { defineRule } from '../rule.ts';

/** ISO 9001:2015, 9.2.2 a: over its cycle a program audits every requirement (granularity: model/clause-coverage.ts). */
export const clauseCoverage = defineRule('audit/clause-coverage', ({ corpus, lookup, report }) => {
  const catalog = lookup.clauses.get(QMS_STANDARD);
  if (!catalog) return;
  const required = coverageClauses(catalog.keys());
  for (const program of qualityRecords(corpus).programs) {
    const missing = uncovered(required, program.data.audits.flatMap((audit) => audit.clauses));
    if (missing.length) {
      report({ value: program, field: ['audits'] }, `программа «${program.data.title}» оставляет без аудита пункты ISO 9001:2015: ${missing.join(', ')} (${missing.length} из ${required.length}); включите их в аудиты программы`);
    }
  }
});

/** Plans happen inside their program's period; so do the program's own planned months. */
export const planInProgram = defineRule('audit/plan-in-program', ({ corpus, report }) => {
  const records = qualityRecords(corpus);
  for (const program of records.programs) {
    const { from, to } = program.data.period;
    if (from > to) report({ value: program, field: ['period', 'to'] }, `период программы заканчивается (${to}) раньше, чем начинается (${from})`);
    program.data.audits.forEach((audit, index) => {
      if (audit.month < from.slice(0, 7) || audit.month > to.slice(0, 7)) {
        report({ value: program, field: ['audits', index, 'month'] }, `месяц аудита ${audit.id} (${audit.month}) вне периода программы ${from} — ${to}`);
      }
    });
  }
  for (const plan of records.plans) {
    const ref = records.audits.get(plan.data.audit);
    const { from, to } = plan.data.dates;
    if (from > to) report({ value: plan, field: ['dates', 'to'] }, `аудит заканчивается (${to}) раньше, чем начинается (${from})`);
    if (!ref) continue;
    const period = ref.program.data.period;
    const outside = from < period.from ? 'from' : to > period.to ? 'to' : undefined;
    if (outside) {
      report({ value: plan, field: ['dates', outside] }, `даты аудита ${from} — ${to} выходят за период программы «${ref.program.data.title}» (${period.from} — ${period.to}): перенесите аудит или включите его в программу другого периода`);
    }
  }
});

/** Plans, reports and action plans name an audit of a program; action plans name findings of its report. */
export const unknownAuditRef = defineRule('audit/unknown-ref', ({ corpus, report }) => {
  const records = qualityRecords(corpus);
  const ids = [...records.audits.keys()];
  const checkAudit = (record: Located<{ audit: string }>) => {
    if (records.audits.has(record.data.audit)) return true;
    const near = closest(record.data.audit, ids);
    report({ value: record, field: ['audit'] }, `аудита «${record.data.audit}» нет в программах аудитов${near ? `: возможно, «${near}»` : ''}${ids.length ? `; аудиты программ: ${ids.join(', ')}` : ''}`);
    return false;
  };
  for (const record of [...records.plans, ...records.reports]) checkAudit(record);
  const plans = [
    ...records.actionPlans.map((plan) => ({ plan, list: 'actions', items: plan.data.actions })),
    ...records.improvementPlans.map((plan) => ({ plan, list: 'proposals', items: plan.data.proposals })),
  ];
  for (const { plan, list, items } of plans) {
    if (!checkAudit(plan)) continue;
    const auditReport = records.reportOf.get(plan.data.audit);
    if (!auditReport) {
      report({ value: plan, field: ['audit'] }, `по аудиту ${plan.data.audit} нет отчёта ${siblingPath(corpus, plan.file, 'reports', plan.data.audit)}, а мероприятия плана ссылаются на его находки`);
      continue;
    }
    const numbers = auditReport.data.findings.map((f) => f.number);
    items.forEach((item, index) => {
      if (!numbers.includes(item.finding)) {
        report({ value: plan, field: [list, index, 'finding'] }, `в отчёте по аудиту ${plan.data.audit} нет находки № ${item.finding}${numbers.length ? `; находки: ${numbers.map((n) => `№ ${n}`).join(', ')}` : ''}`);
      }
    });
  }
});

/** Audit ids, finding numbers and one plan/report/action plan per audit: what links and pages rely on. */
export const duplicateAuditIds = defineRule('registry/duplicate-id', ({ corpus, report }) => {
  const records = qualityRecords(corpus);
  const auditors = new Set<string>();
  for (const auditor of records.auditors) {
    if (auditors.has(auditor.data.id)) report({ value: auditor, field: ['id'] }, `аудитор «${auditor.data.id}» уже есть в реестре аудиторов: идентификаторы не повторяются`);
    auditors.add(auditor.data.id);
  }
  const audits = new Set<string>();
  for (const program of records.programs) {
    program.data.audits.forEach((audit, index) => {
      if (audits.has(audit.id)) report({ value: program, field: ['audits', index, 'id'] }, `аудит «${audit.id}» уже есть в программе: идентификаторы аудитов не повторяются`);
      audits.add(audit.id);
    });
  }
  const once = (list: Located<{ audit: string }>[], what: string) => {
    const seen = new Set<string>();
    for (const record of list) {
      if (seen.has(record.data.audit)) report({ value: record, field: ['audit'] }, `${what} по аудиту ${record.data.audit} уже есть: у аудита один такой документ`);
      seen.add(record.data.audit);
    }
  };
  once(records.plans, 'план');
  once(records.reports, 'отчёт');
  once(records.actionPlans, 'план корректирующих мероприятий');
  once(records.improvementPlans, 'план предложений по улучшению');
  for (const auditReport of records.reports) {
    const numbers = new Set<number>();
    auditReport.data.findings.forEach((finding, index) => {
      if (numbers.has(finding.number)) report({ value: auditReport, field: ['findings', index, 'number'] }, `находка № ${finding.number} уже есть в отчёте: номера находок не повторяются`);
      numbers.add(finding.number);
    });
  }
});

export default [clauseCoverage, planInProgram, unknownAuditRef, duplicateAuditIds];
