import { actionState, type ActionState } from '../model/quality-records.ts';
import type { Person } from '../schemas/qms.ts';
import type { Site } from './view.ts';
import { recordsOf } from './quality.ts';

export interface ActionRow {
  audit: string;
  finding: number;
  kind: 'корректирующее' | 'улучшение';
  text: string;
  detail?: string;
  responsible: Person;
  due: string;
  completed?: string;
  verification?: { date: string; effective: boolean; result: string };
  state: ActionState;
}

/** Corrective actions and improvement proposals of one audit (or all), as board rows at the build's date. */
export function actionRows(site: Site, audit?: string): ActionRow[] {
  const records = recordsOf(site);
  const rows: ActionRow[] = [];
  for (const plan of records.actionPlans) {
    if (audit && plan.data.audit !== audit) continue;
    for (const a of plan.data.actions) {
      rows.push({
        audit: plan.data.audit,
        finding: a.finding,
        kind: 'корректирующее',
        text: a.action,
        detail: `Причина: ${a.cause}`,
        responsible: a.responsible,
        due: a.due,
        completed: a.completed,
        verification: a.verification,
        state: actionState(a, site.date),
      });
    }
  }
  for (const plan of records.improvementPlans) {
    if (audit && plan.data.audit !== audit) continue;
    for (const p of plan.data.proposals) {
      rows.push({
        audit: plan.data.audit,
        finding: p.finding,
        kind: 'улучшение',
        text: p.proposal,
        detail: `Ожидаемый результат: ${p.expectedEffect}`,
        responsible: p.responsible,
        due: p.due,
        completed: p.completed,
        verification: p.verification,
        state: actionState(p, site.date),
      });
    }
  }
  return rows;
}
