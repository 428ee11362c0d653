import { NONCONFORMITIES } from '../../schemas/audit.ts';
import { actionState, contentPath, qualityRecords, siblingPath } from '../../model/quality-records.ts';
import { defineRule } from '../rule.ts';

/** A finding is stated against a requirement: an ISO clause, a document, or both. */
export const findingRequirement = defineRule('audit/finding-requirement', ({ corpus, report }) => {
  for (const auditReport of qualityRecords(corpus).reports) {
    auditReport.data.findings.forEach((finding, index) => {
      if (finding.clause === undefined && finding.document === undefined) {
        report({ value: auditReport, field: ['findings', index] }, `у находки № ${finding.number} не указано требование: добавьте "clause" (пункт ISO 9001:2015) или "document" (код НД)`);
      }
    });
  }
});

/** ISO 9001:2015, 10.2: every nonconformity gets a corrective action due after the finding. */
export const nonconformityAction = defineRule('audit/nonconformity-action', ({ corpus, report }) => {
  const records = qualityRecords(corpus);
  for (const auditReport of records.reports) {
    const plan = records.actionsOf.get(auditReport.data.audit);
    auditReport.data.findings.forEach((finding, index) => {
      if (!NONCONFORMITIES.has(finding.type)) return;
      const actions = plan?.data.actions.map((action, i) => ({ action, i })).filter(({ action }) => action.finding === finding.number) ?? [];
      if (actions.length === 0) {
        const where = plan ? contentPath(corpus, plan.file) : siblingPath(corpus, auditReport.file, 'actions', auditReport.data.audit);
        report({ value: auditReport, field: ['findings', index, 'number'] }, `${finding.type} № ${finding.number} без корректирующего мероприятия: добавьте его в ${where} с ответственным и сроком`);
      }
      for (const { action, i } of actions) {
        if (plan && action.due <= auditReport.data.date) {
          report({ value: plan, field: ['actions', i, 'due'] }, `срок мероприятия по несоответствию № ${finding.number} (${action.due}) не позже находки: отчёт по аудиту датирован ${auditReport.data.date}; укажите срок после этой даты`);
        }
      }
    });
  }
});

/** Actions and proposals past their due date and not closed, as of the build's date. */
export const overdueAction = defineRule('audit/overdue-action', ({ corpus, buildDate, report }) => {
  const records = qualityRecords(corpus);
  const plans = [
    ...records.actionPlans.map((plan) => ({ plan, list: 'actions', items: plan.data.actions, what: 'мероприятие' })),
    ...records.improvementPlans.map((plan) => ({ plan, list: 'proposals', items: plan.data.proposals, what: 'предложение' })),
  ];
  for (const { plan, list, items, what } of plans) {
    const overdue = items.map((item, index) => ({ item, index })).filter(({ item }) => actionState(item, buildDate) === 'overdue');
    for (const { item, index } of overdue) {
      report({ value: plan, field: [list, index, 'due'] }, `${what} по находке № ${item.finding} просрочено: срок ${item.due} прошёл, статус «${item.status}»; просрочено в плане по аудиту ${plan.data.audit}: ${overdue.length} из ${items.length}`);
    }
  }
});

export default [findingRequirement, nonconformityAction, overdueAction];
