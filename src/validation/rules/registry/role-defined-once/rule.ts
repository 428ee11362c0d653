import { documentExists } from '../../../../model/lookup.ts';
import { defineRule } from '../../../rule.ts';

/** A role is defined once, in one document that exists; so is a term. */
export default defineRule(
  { id: 'registry/role-defined-once', severity: 'error', description: 'роль определена один раз, в существующем документе' },
  ({ corpus, lookup, report }) => {
    const names = new Map<string, string>();
    for (const role of corpus.roles) {
      const key = role.data.name.toLowerCase();
      if (names.has(key))
        report(
          { value: role, field: ['name'] },
          `роль «${role.data.name}» уже определена (id ${names.get(key)}): роль определяется один раз, в одном документе`,
        );
      names.set(key, role.data.id);
    }
    for (const entry of [...corpus.roles, ...corpus.terms]) {
      const code = entry.data.definedIn;
      if (!documentExists(lookup, code))
        report(
          { value: entry, field: ['definedIn'] },
          `документ ${code}, который определяет «${'name' in entry.data ? entry.data.name : entry.data.term}», не найден`,
        );
    }
  },
);
