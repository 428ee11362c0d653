import { closest } from '../schema-issues.ts';
import { entries } from '../entries.ts';
import { defineRule } from '../rule.ts';

/** `<Role id="auditor">аудиторы</Role>` and `<Term id="smk">СМК</Term>` name defined roles and terms. */
export const unknownRole = defineRule('ref/unknown-role', (context) => {
  const { lookup, report } = context;
  for (const { entry, extracted } of entries(context)) {
    for (const ref of extracted.refs) {
      if (ref.kind !== 'role' && ref.kind !== 'term') continue;
      const registry = ref.kind === 'role' ? lookup.roles : lookup.terms;
      if (registry.has(ref.id)) continue;
      const hint = closest(ref.id, [...registry.keys()]);
      const what = ref.kind === 'role' ? 'роль' : 'термин';
      report({ file: entry.file, offset: ref.offset }, `${what} «${ref.id}» не определена в реестре registries/${ref.kind}s.json${hint ? `: возможно, «${hint}»` : `; известные: ${[...registry.keys()].join(', ')}`}`);
    }
  }
});

export default [unknownRole];
