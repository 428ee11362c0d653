import type { Located } from '../../model/corpus.ts';
import type { FieldPath } from '../../model/positions.ts';
import { AUDITOR_ROLE, isWithin, qualityRecords, TEAM_LEADER_ROLE } from '../../model/quality-records.ts';
import type { RuleContext } from '../rule.ts';
import { closest } from '../schema-issues.ts';
import { defineRule } from '../rule.ts';

/** Every place an auditor is assigned to an audit: the program's leader and each plan's team. */
function* assignments(context: RuleContext): Generator<{ record: Located<unknown>; field: FieldPath; auditor: string; unit: string | undefined; audit: string; leader: boolean }> {
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
    for (const [index, auditor] of auditors.entries()) yield { record: plan, field: ['team', 'auditors', index], auditor, unit, audit: plan.data.audit, leader: false };
  }
}

const roleName = (context: RuleContext, id: string) => context.lookup.roles.get(id)?.data.name ?? id;

export const teamInRegistry = defineRule('audit/team-in-registry', (context) => {
  const { auditorById } = qualityRecords(context.corpus);
  const ids = [...auditorById.keys()];
  for (const { record, field, auditor } of assignments(context)) {
    const entry = auditorById.get(auditor);
    if (!entry) {
      const near = closest(auditor, ids);
      context.report({ value: record, field }, `аудитора «${auditor}» нет в реестре audits/auditors.json${near ? `: возможно, «${near}»` : ''}; в группу аудита включают только аудиторов из реестра`);
    } else if (!entry.data.roles.includes(AUDITOR_ROLE)) {
      context.report({ value: record, field }, `${entry.data.name} (${auditor}) не имеет роли «${roleName(context, AUDITOR_ROLE)}» в реестре аудиторов: добавьте роль ${AUDITOR_ROLE} после обучения или замените члена группы`);
    }
  }
});

export const teamLeaderRole = defineRule('audit/team-leader-role', (context) => {
  const records = qualityRecords(context.corpus);
  for (const { record, field, auditor, leader } of assignments(context)) {
    const entry = records.auditorById.get(auditor);
    if (!leader || !entry || entry.data.roles.includes(TEAM_LEADER_ROLE)) continue;
    context.report({ value: record, field }, `${entry.data.name} (${auditor}) назначен руководителем группы аудита, но не имеет роли «${roleName(context, TEAM_LEADER_ROLE)}» в реестре аудиторов: назначьте аудитора с ролью ${TEAM_LEADER_ROLE}`);
  }
  for (const plan of records.plans) {
    const planned = records.audits.get(plan.data.audit)?.audit.leader;
    const leader = plan.data.team.leader;
    if (!planned || planned === leader) continue;
    const name = (id: string) => records.auditorById.get(id)?.data.name ?? id;
    context.report({ value: plan, field: ['team', 'leader'] }, `руководитель группы в плане — ${name(leader)} (${leader}), а программа назначила на аудит ${plan.data.audit} ${name(planned)} (${planned}): исправьте план или программу`);
  }
});

/** ISO 19011 independence: no auditor audits their own unit, a unit above it, or one below it. */
export const independence = defineRule('audit/independence', (context) => {
  const { auditorById } = qualityRecords(context.corpus);
  const units = context.lookup.units;
  const unitName = (id: string) => units.get(id)?.data.name ?? id;
  for (const { record, field, auditor, unit, audit } of assignments(context)) {
    const own = auditorById.get(auditor)?.data.unit;
    if (!own || !unit) continue;
    const relation = own === unit ? 'это его собственное подразделение'
      : isWithin(units, own, unit) ? `в него входит собственное подразделение аудитора «${unitName(own)}»`
      : isWithin(units, unit, own) ? `оно входит в собственное подразделение аудитора «${unitName(own)}»`
      : undefined;
    if (relation) {
      context.report({ value: record, field }, `${auditorById.get(auditor)?.data.name} (${auditor}) не может проверять «${unitName(unit)}» в аудите ${audit}: ${relation}; назначьте независимого аудитора`);
    }
  }
});

export default [teamInRegistry, teamLeaderRole, independence];
