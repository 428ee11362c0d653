import { defineRule } from '../../../rule.ts';

/** Clause numbers of a catalog are unique, and each sub-clause comes after its parent. */
export default defineRule(
  { id: 'standard/clause-tree', severity: 'error', description: 'пункты стандарта уникальны и имеют родителя' },
  ({ corpus, report }) => {
    for (const standard of corpus.standards) {
      const numbers = new Set<string>();
      standard.data.clauses.forEach((clause, index) => {
        const field = ['clauses', index, 'number'];
        if (numbers.has(clause.number)) report({ value: standard, field }, `пункт ${clause.number} в ${standard.data.designation} указан дважды`);
        const parent = clause.number.split('.').slice(0, -1).join('.');
        if (parent && !numbers.has(parent)) report({ value: standard, field }, `у пункта ${clause.number} нет родительского пункта ${parent} выше по списку`);
        numbers.add(clause.number);
      });
    }
  },
);
