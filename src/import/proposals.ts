import { codeSlug } from '../lib/codes.ts';
import type { Recognition } from './recognise.ts';
import type { Registries } from './registries.ts';

export interface Proposal {
  registry: 'roles' | 'terms';
  /** The entry to add, as the registry stores it; `forms` of a role still need the author. */
  entry: Record<string, unknown>;
  /** Why it is proposed: missing, or present with another definition. */
  note: string;
}

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** Roles and terms the document defines that the registries lack or define differently. Never written. */
export function proposals(rec: Recognition, registries: Registries): Proposal[] {
  const out: Proposal[] = [];
  for (const role of rec.roles) {
    const known = registries.roles.find((r) => same(r.name, role.name));
    if (known && same(known.definition, role.definition)) continue;
    out.push({
      registry: 'roles',
      entry: known
        ? { id: known.id, definition: role.definition }
        : { id: codeSlug(role.name).slice(0, 40), name: role.name, definition: role.definition, definedIn: rec.code, forms: [role.name.toLowerCase()] },
      note: known ? `роль «${known.name}» есть в реестре с другим определением` : 'роли нет в реестре roles.json; добавьте её и падежные формы (forms)',
    });
  }
  for (const term of rec.terms) {
    const known = registries.terms.find((t) => same(t.term, term.term));
    if (known && same(known.definition, term.definition)) continue;
    out.push({
      registry: 'terms',
      entry: known
        ? { id: known.id, definition: term.definition }
        : { id: codeSlug(term.term).slice(0, 40) || 'term', term: term.term, definition: term.definition, definedIn: rec.code },
      note: known ? `термин «${known.term}» есть в реестре с другим определением` : 'термина нет в реестре terms.json',
    });
  }
  return out;
}
