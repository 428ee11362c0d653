import type { Located } from '../../../../model/corpus.ts';
import type { Synonym } from '../../../../schemas/registries.ts';
import { defineRule } from '../../../rule.ts';

/**
 * Synonym groups are unique: an id once, a term in one group only (a term in two groups would silently
 * merge them) and not twice in its own group. Terms compare case-insensitively, as search does.
 */
export default defineRule(
  { id: 'registry/synonym', severity: 'error', description: 'группы синонимов для поиска не повторяются: идентификатор и каждое слово — один раз' },
  ({ corpus, report }) => {
    const ids = new Set<string>();
    const termGroup = new Map<string, string>();
    for (const file of corpus.records.get('synonyms') ?? []) {
      const items = (file.data as { items: Synonym[] }).items;
      items.forEach((group, index) => {
        const entry: Located<unknown> = { ...file, at: ['items', index] };
        if (ids.has(group.id)) report({ value: entry, field: ['id'] }, `группа синонимов «${group.id}» уже есть: идентификаторы не повторяются`);
        ids.add(group.id);
        group.terms.forEach((term, t) => {
          const key = term.trim().toLowerCase();
          const other = termGroup.get(key);
          if (other === group.id) report({ value: entry, field: ['terms', t] }, `«${term}» уже есть в этой группе синонимов: удалите повтор`);
          else if (other)
            report({ value: entry, field: ['terms', t] }, `«${term}» уже есть в группе синонимов «${other}»: объедините группы или удалите слово из одной`);
          else termGroup.set(key, group.id);
        });
      });
    }
  },
);
