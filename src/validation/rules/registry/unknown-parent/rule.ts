import { circleThrough } from '../../../../lib/circle.ts';
import { defineRule } from '../../../rule.ts';

/**
 * Every unit's parent is in the registry, and following parents ends at a unit without one: a circle
 * (kc → marketing → kc) has no head, and every page that shows a unit's place in the company would
 * have to stop somewhere arbitrary.
 */
export default defineRule(
  { id: 'registry/unknown-parent', severity: 'error', description: 'вышестоящее подразделение существует, и подчинение не замыкается в круг' },
  ({ corpus, lookup, report }) => {
    const parentOf = new Map(corpus.units.map((unit) => [unit.data.id, unit.data.parent]));
    /** Units of a circle already reported: one circle is one finding, at its first unit in the file. */
    const reported = new Set<string>();
    for (const unit of corpus.units) {
      const parent = unit.data.parent;
      if (parent !== null && !lookup.units.has(parent)) {
        report({ value: unit, field: ['parent'] }, `вышестоящее подразделение «${parent}» не найдено в реестре подразделений`);
        continue;
      }
      const circle = circleThrough(unit.data.id, (id) => parentOf.get(id));
      if (circle && !reported.has(unit.data.id)) {
        for (const id of circle) reported.add(id);
        report(
          { value: unit, field: ['parent'] },
          `подчинение замыкается в круг: ${circle.join(' → ')}; у головного подразделения вышестоящего нет — запишите ему parent: null`,
        );
      }
    }
  },
);
