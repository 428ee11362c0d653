import type { Located } from '../../../../model/corpus.ts';
import { qualityRecords, siblingPath } from '../../../../model/quality-records.ts';
import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { defineRule } from '../../../rule.ts';

/** Plans, reports and action plans name an audit of a program; action plans name findings of its report. */
export default defineRule(
  { id: 'audit/unknown-ref', severity: 'error', description: 'аудит, находка и план, названные в записи аудита, существуют' },
  ({ corpus, lookup, report }) => {
    // A program, plan or report that could not be read is one error at its file: what names it waits.
    if (lookup.unreadableCatalogs.has('audits')) return;
    const records = qualityRecords(corpus);
    const ids = [...records.audits.keys()];
    const checkAudit = (record: Located<{ audit: string }>) => {
      if (records.audits.has(record.data.audit)) return true;
      report(
        { value: record, field: ['audit'] },
        `аудита «${record.data.audit}» нет в программах аудитов${didYouMean(record.data.audit, ids)}${ids.length ? `; аудиты программ: ${ids.join(', ')}` : ''}`,
      );
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
        report(
          { value: plan, field: ['audit'] },
          `по аудиту ${plan.data.audit} нет отчёта ${siblingPath(corpus, plan.file, 'reports', plan.data.audit)}, а мероприятия плана ссылаются на его находки`,
        );
        continue;
      }
      const numbers = auditReport.data.findings.map((f) => f.number);
      items.forEach((item, index) => {
        if (!numbers.includes(item.finding)) {
          report(
            { value: plan, field: [list, index, 'finding'] },
            `в отчёте по аудиту ${plan.data.audit} нет находки № ${item.finding}${numbers.length ? `; находки: ${numbers.map((n) => `№ ${n}`).join(', ')}` : ''}`,
          );
        }
      });
    }
  },
);
