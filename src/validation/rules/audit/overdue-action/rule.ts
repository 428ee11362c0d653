import { actionState, qualityRecords } from '../../../../model/quality-records.ts';
import { defineRule } from '../../../rule.ts';

/** Actions and proposals past their due date and not closed, as of the build's date. */
export default defineRule({ id: 'audit/overdue-action', severity: 'warning', description: 'мероприятия не просрочены' }, ({ corpus, buildDate, report }) => {
  const records = qualityRecords(corpus);
  const plans = [
    ...records.actionPlans.map((plan) => ({ plan, list: 'actions', items: plan.data.actions, what: 'мероприятие' })),
    ...records.improvementPlans.map((plan) => ({ plan, list: 'proposals', items: plan.data.proposals, what: 'предложение' })),
  ];
  for (const { plan, list, items, what } of plans) {
    const overdue = items.map((item, index) => ({ item, index })).filter(({ item }) => actionState(item, buildDate) === 'overdue');
    for (const { item, index } of overdue) {
      report(
        { value: plan, field: [list, index, 'due'] },
        `${what} по находке № ${item.finding} просрочено: срок ${item.due} прошёл, статус «${item.status}»; просрочено в плане по аудиту ${plan.data.audit}: ${overdue.length} из ${items.length}`,
      );
    }
  }
});
