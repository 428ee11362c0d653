import { defineRule } from '../../../rule.ts';
import { standardCitations, unverifiableUnder } from '../../../../analysis/resolve.ts';

/**
 * Some catalogs list clauses only to a level (`depth` in standards/*.json): «п. 8.2.2 ISO 9001:2008»
 * is a real clause the catalog cannot confirm. Its branch exists, so it is a warning, not a missing clause.
 */
export default defineRule(
  { id: 'ref/unverified-clause', severity: 'warning', description: 'пункт глубже, чем перечислены пункты в каталоге издания, не проверен' },
  (context) => {
    for (const { entry, ref, id, clause } of standardCitations(context)) {
      if (!id || !clause) continue;
      const standard = context.lookup.standards.get(id)?.data;
      if (!standard || context.lookup.clauses.get(id)?.has(clause)) continue;
      const under = unverifiableUnder(standard, clause);
      if (!under) continue;
      context.report(
        { file: entry.file, offset: ref.offset },
        `пункт ${clause} не проверен: каталог издания ${standard.designation} содержит пункты только до уровня ${standard.depth} (${under.number}${under.ru ? ` «${under.ru}»` : ''}); проверьте номер по тексту стандарта`,
      );
    }
  },
);
