import type { Located } from '../../model/corpus.ts';
import { defineRule } from '../rule.ts';

const idOf = (value: unknown) => {
  const record = value as { id?: string; prefix?: string };
  return record.id ?? record.prefix ?? '';
};

export const duplicateId = defineRule('registry/duplicate-id', ({ corpus, report }) => {
  const registries: Array<[string, Located<unknown>[]]> = [
    ['видов документов', corpus.types], ['подразделений', corpus.units], ['ролей', corpus.roles],
    ['терминов', corpus.terms], ['уровней доступа', corpus.accessLevels], ['стандартов', corpus.standards],
  ];
  for (const [name, entries] of registries) {
    const seen = new Set<string>();
    for (const entry of entries) {
      const id = idOf(entry.data);
      if (seen.has(id)) report({ value: entry, field: [entry.data && 'prefix' in (entry.data as object) ? 'prefix' : 'id'] }, `«${id}» уже есть в реестре ${name}: идентификаторы не повторяются`);
      seen.add(id);
    }
  }
});

export const unknownParent = defineRule('registry/unknown-parent', ({ corpus, lookup, report }) => {
  for (const unit of corpus.units) {
    const parent = unit.data.parent;
    if (parent !== null && !lookup.units.has(parent)) report({ value: unit, field: ['parent'] }, `вышестоящее подразделение «${parent}» не найдено в реестре подразделений`);
  }
});

export const roleDefinedOnce = defineRule('registry/role-defined-once', ({ corpus, lookup, report }) => {
  const names = new Map<string, string>();
  for (const role of corpus.roles) {
    const key = role.data.name.toLowerCase();
    if (names.has(key)) report({ value: role, field: ['name'] }, `роль «${role.data.name}» уже определена (id ${names.get(key)}): роль определяется один раз, в одном документе`);
    names.set(key, role.data.id);
  }
  for (const entry of [...corpus.roles, ...corpus.terms]) {
    const code = entry.data.definedIn;
    if (!lookup.documents.has(code)) report({ value: entry, field: ['definedIn'] }, `документ ${code}, который определяет «${'name' in entry.data ? entry.data.name : entry.data.term}», не найден`);
  }
});

export const clauseTree = defineRule('standard/clause-tree', ({ corpus, report }) => {
  for (const standard of corpus.standards) {
    const numbers = new Set<string>();
    standard.data.clauses.forEach((clause, index) => {
      const field = ['clauses', index, 'number'];
      if (numbers.has(clause.number)) report({ value: standard, field }, `пункт ${clause.number} в ${standard.data.designation} указан дважды`);
      const parent = clause.number.split('.').slice(0, -1).join('.');
      if (parent && !numbers.has(parent)) report({ value: standard, field }, `у пункта ${clause.number} нет родительского пункта ${parent} выше по списку`);
      numbers.add(clause.number);
    });
    if (standard.data.supersededBy !== null && !corpus.standards.some((s) => s.data.id === standard.data.supersededBy)) {
      report({ value: standard, field: ['supersededBy'] }, `заменяющее издание «${standard.data.supersededBy}» не найдено в каталоге стандартов`);
    }
  }
});

export default [duplicateId, unknownParent, roleDefinedOnce, clauseTree];
