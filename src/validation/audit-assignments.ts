import type { Located } from '../model/corpus.ts';
import type { FieldPath } from '../model/parsed.ts';
import { qualityRecords } from '../model/quality-records.ts';
import type { RuleContext } from './rule.ts';

/** Every place an auditor is assigned to an audit: the program's leader and each plan's team. */
export function* auditAssignments(
  context: Pick<RuleContext, 'corpus'>,
): Generator<{ record: Located<unknown>; field: FieldPath; auditor: string; unit: string | undefined; audit: string; leader: boolean }> {
  const records = qualityRecords(context.corpus);
  for (const program of records.programs) {
    for (const [index, audit] of program.data.audits.entries()) {
      yield { record: program, field: ['audits', index, 'leader'], auditor: audit.leader, unit: audit.unit, audit: audit.id, leader: true };
    }
  }
  for (const plan of records.plans) {
    const unit = records.audits.get(plan.data.audit)?.audit.unit;
    const { leader, auditors } = plan.data.team;
    yield { record: plan, field: ['team', 'leader'], auditor: leader, unit, audit: plan.data.audit, leader: true };
    for (const [index, auditor] of auditors.entries())
      yield { record: plan, field: ['team', 'auditors', index], auditor, unit, audit: plan.data.audit, leader: false };
  }
}

/** A role's name from the registry, for messages; its id when the registry lacks it. */
export const roleName = (context: Pick<RuleContext, 'lookup'>, id: string) => context.lookup.roles.get(id)?.data.name ?? id;
