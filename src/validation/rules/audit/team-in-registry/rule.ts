import { AUDITOR_ROLE, qualityRecords } from '../../../../model/quality-records.ts';
import { auditAssignments, roleName } from '../../../audit-assignments.ts';
import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { defineRule } from '../../../rule.ts';

/** Team members are auditors of the registry, trained for the role. */
export default defineRule(
  { id: 'audit/team-in-registry', severity: 'error', description: 'члены группы аудита есть в реестре аудиторов с ролью «Аудитор», каждый по одному разу' },
  (context) => {
    const { auditorById } = qualityRecords(context.corpus);
    const ids = [...auditorById.keys()];
    // Who is already in each plan's team, and as what: a second mention is a slip (a leader listed again among the auditors).
    const seen = new Map<unknown, Map<string, string>>();
    for (const { record, field, auditor, leader } of auditAssignments(context)) {
      const entry = auditorById.get(auditor);
      if (field[0] === 'team') {
        const team = seen.get(record) ?? new Map<string, string>();
        seen.set(record, team);
        const before = team.get(auditor);
        if (before) {
          context.report(
            { value: record, field },
            `«${auditor}» уже в группе этого аудита (${before}): уберите повтор — каждый член группы указывается один раз`,
          );
          continue;
        }
        team.set(auditor, leader ? 'руководитель группы' : 'аудитор');
      }
      if (!entry) {
        context.report(
          { value: record, field },
          `аудитора «${auditor}» нет в реестре audits/auditors.json${didYouMean(auditor, ids)}; в группу аудита включают только аудиторов из реестра`,
        );
      } else if (!entry.data.roles.includes(AUDITOR_ROLE)) {
        context.report(
          { value: record, field },
          `${entry.data.name} (${auditor}) не имеет роли «${roleName(context, AUDITOR_ROLE)}» в реестре аудиторов: добавьте роль ${AUDITOR_ROLE} после обучения или замените члена группы`,
        );
      }
    }
  },
);
