import { defineRule } from '../rule.ts';

/**
 * Documents of external origin (ISO 9001:2015, 7.5.3.2): the copy's holder is a known unit, the
 * licence or subscription has not expired and the edition check is not overdue at the build's date.
 */
export default defineRule(
  {
    id: 'standard/external-control',
    severity: 'warning',
    description: 'у внешнего стандарта известный держатель копии, действующая лицензия и непросроченная проверка издания',
  },
  ({ corpus, lookup, buildDate, report }) => {
    for (const standard of corpus.standards) {
      const { control, designation } = standard.data;
      if (!control) continue;
      if (!lookup.units.has(control.holder)) {
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
