import { defineRule } from '../../../rule.ts';

export default defineRule(
  { id: 'registry/unknown-parent', severity: 'error', description: 'вышестоящее подразделение существует' },
  ({ corpus, lookup, report }) => {
    for (const unit of corpus.units) {
      const parent = unit.data.parent;
      if (parent !== null && !lookup.units.has(parent))
        report({ value: unit, field: ['parent'] }, `вышестоящее подразделение «${parent}» не найдено в реестре подразделений`);
    }
  },
);
