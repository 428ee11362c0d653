import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { defineRule } from '../../../rule.ts';

/**
 * «Лист ознакомления» (acknowledge): the units and roles it names exist in the registries, and only an
 * edition that comes into force asks for acknowledgement — not a draft, not a cancelled one.
 */
export default defineRule(
  { id: 'edition/acknowledge', severity: 'error', description: 'лист ознакомления: подразделения и роли из реестров, редакция не проект и не отменена' },
  ({ corpus, lookup, report }) => {
    const units = [...lookup.units.keys()];
    const roles = [...lookup.roles.keys()];
    for (const doc of corpus.documents) {
      for (const edition of doc.editions) {
        const { acknowledge, status, version } = edition.data;
        if (!acknowledge) continue;
        acknowledge.units.forEach((unit, i) => {
          if (!lookup.units.has(unit) && !lookup.unreadableCatalogs.has('units'))
            report(
              { value: edition, field: ['acknowledge', 'units', i] },
              `лист ознакомления: подразделение «${unit}» не найдено в реестре registries/units.json${didYouMean(unit, units)}`,
            );
        });
        acknowledge.roles.forEach((role, i) => {
          if (!lookup.roles.has(role) && !lookup.unreadableCatalogs.has('roles'))
            report(
              { value: edition, field: ['acknowledge', 'roles', i] },
              `лист ознакомления: роль «${role}» не найдена в реестре registries/roles.json${didYouMean(role, roles)}; роли: ${roles.join(', ')}`,
            );
        });
        if (status === 'проект' || status === 'отменена')
          report(
            { value: edition, field: ['acknowledge'] },
            `лист ознакомления у редакции ${version} со статусом «${status}»: знакомиться можно только с утверждённой редакцией — удалите acknowledge или перенесите его в действующую редакцию`,
          );
      }
    }
  },
);
