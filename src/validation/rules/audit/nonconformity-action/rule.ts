import { NONCONFORMITIES } from '../../../../schemas/audit.ts';
import { contentPath, qualityRecords, siblingPath } from '../../../../model/quality-records.ts';
import { defineRule } from '../../../rule.ts';

/** ISO 9001:2015, 10.2: every nonconformity gets a corrective action due after the finding. */
export default defineRule(
  { id: 'audit/nonconformity-action', severity: 'error', description: 'у каждого несоответствия есть корректирующее мероприятие со сроком после находки' },
  ({ corpus, report }) => {
    const records = qualityRecords(corpus);
    for (const auditReport of records.reports) {
      const plan = records.actionsOf.get(auditReport.data.audit);
      auditReport.data.findings.forEach((finding, index) => {
        if (!NONCONFORMITIES.has(finding.type)) return;
        const actions = plan?.data.actions.map((action, i) => ({ action, i })).filter(({ action }) => action.finding === finding.number) ?? [];
        if (actions.length === 0) {
          const where = plan ? contentPath(corpus, plan.file) : siblingPath(corpus, auditReport.file, 'actions', auditReport.data.audit);
          report(
            { value: auditReport, field: ['findings', index, 'number'] },
            `${finding.type} № ${finding.number} без корректирующего мероприятия: добавьте его в ${where} с ответственным и сроком`,
          );
        }
        for (const { action, i } of actions) {
          if (plan && action.due <= auditReport.data.date) {
            report(
              { value: plan, field: ['actions', i, 'due'] },
              `срок мероприятия по несоответствию № ${finding.number} (${action.due}) не позже находки: отчёт по аудиту датирован ${auditReport.data.date}; укажите срок после этой даты`,
            );
          }
        }
      });
    }
  },
);
