import { qualityRecords } from '../../../../model/quality-records.ts';
import { defineRule } from '../../../rule.ts';

/** Plans happen inside their program's period; so do the program's own planned months. */
export default defineRule(
  { id: 'audit/plan-in-program', severity: 'error', description: 'даты плана аудита лежат в периоде его программы' },
  ({ corpus, report }) => {
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
        report(
          { value: plan, field: ['dates', outside] },
          `даты аудита ${from} — ${to} выходят за период программы «${ref.program.data.title}» (${period.from} — ${period.to}): перенесите аудит или включите его в программу другого периода`,
        );
      }
    }
  },
);
