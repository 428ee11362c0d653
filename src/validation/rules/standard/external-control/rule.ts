import { defineRule } from '../../../rule.ts';

/**
 * Documents of external origin (ISO 9001:2015, 7.5.3.2): the copy's holder is a known unit, the
 * licence or subscription has not expired and the edition check is not overdue at the build's date.
 */
export default defineRule(
  {
    id: 'standard/external-control',
    severity: 'warning',
    description: 'у внешнего стандарта есть данные управления: известный держатель копии, действующая лицензия и непросроченная проверка издания',
  },
  ({ corpus, lookup, buildDate, report }) => {
    for (const standard of corpus.standards) {
      const { control, designation, status } = standard.data;
      if (!control) {
        // A withdrawn edition is catalogued to be recognised in old texts, not applied: no copy to control.
        if (status !== 'withdrawn')
          report(
            { value: standard, field: ['designation'] },
            `у ${designation} нет данных управления документом внешнего происхождения: добавьте "control" — держателя лицензионной копии (holder, id подразделения), где она хранится (location), до какой даты действует лицензия (licenceExpires) и когда проверить издание (reviewBy)`,
          );
        continue;
      }
      if (!lookup.units.has(control.holder) && !lookup.unreadableCatalogs.has('units')) {
        report(
          { value: standard, field: ['control', 'holder'] },
          `держатель копии ${designation} «${control.holder}» не найден в registries/units.json: укажите id подразделения из реестра`,
        );
      }
      if (control.licenceExpires && control.licenceExpires < buildDate) {
        report(
          { value: standard, field: ['control', 'licenceExpires'] },
          `лицензия (подписка) на ${designation} истекла ${control.licenceExpires}: продлите её и запишите новую дату в control.licenceExpires`,
        );
      }
      if (control.reviewBy && control.reviewBy < buildDate) {
        report(
          { value: standard, field: ['control', 'reviewBy'] },
          `проверка издания ${designation} просрочена: срок ${control.reviewBy} прошёл; сверьте, что применяется действующее издание, и запишите следующую дату в control.reviewBy`,
        );
      }
    }
  },
);
