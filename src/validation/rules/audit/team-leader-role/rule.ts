import { qualityRecords, TEAM_LEADER_ROLE } from '../../../../model/quality-records.ts';
import { auditAssignments, roleName } from '../../../audit-assignments.ts';
import { defineRule } from '../../../rule.ts';

/** The team leader holds the leader role and is the one the program appointed. */
export default defineRule(
  { id: 'audit/team-leader-role', severity: 'error', description: 'руководитель группы аудита имеет роль «Руководитель группы аудита» и назначен программой' },
  (context) => {
    const records = qualityRecords(context.corpus);
    for (const { record, field, auditor, leader } of auditAssignments(context)) {
      const entry = records.auditorById.get(auditor);
      if (!leader || !entry || entry.data.roles.includes(TEAM_LEADER_ROLE)) continue;
      context.report(
        { value: record, field },
        `${entry.data.name} (${auditor}) назначен руководителем группы аудита, но не имеет роли «${roleName(context, TEAM_LEADER_ROLE)}» в реестре аудиторов: назначьте аудитора с ролью ${TEAM_LEADER_ROLE}`,
      );
    }
    for (const plan of records.plans) {
      const planned = records.audits.get(plan.data.audit)?.audit.leader;
      const leader = plan.data.team.leader;
      if (!planned || planned === leader) continue;
      const name = (id: string) => records.auditorById.get(id)?.data.name ?? id;
      context.report(
        { value: plan, field: ['team', 'leader'] },
        `руководитель группы в плане — ${name(leader)} (${leader}), а программа назначила на аудит ${plan.data.audit} ${name(planned)} (${planned}): исправьте план или программу`,
      );
    }
  },
);
