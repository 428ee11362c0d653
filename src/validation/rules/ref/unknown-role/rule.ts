import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { entries } from '../../../../analysis/entries.ts';
import { recordRefs } from '../../../record-refs.ts';
import { defineRule } from '../../../rule.ts';

/** `<Role id="auditor">` and `<Term id="smk">` in prose, and role ids in records, are defined in the registries. */
export default defineRule({ id: 'ref/unknown-role', severity: 'error', description: 'роль или термин определены в реестре' }, (context) => {
  const { lookup, report } = context;
  for (const { entry, extracted } of entries(context)) {
    for (const ref of extracted.refs) {
      if (ref.kind !== 'role' && ref.kind !== 'term') continue;
      const registry = ref.kind === 'role' ? lookup.roles : lookup.terms;
      // An unreadable registry is one error at its file: references into it wait until it is fixed.
      if (lookup.unreadableCatalogs.has(`${ref.kind}s`)) continue;
      if (registry.has(ref.id)) continue;
      const hint = didYouMean(ref.id, registry.keys());
      const what = ref.kind === 'role' ? 'роль' : 'термин';
      const defined = ref.kind === 'role' ? 'определена' : 'определён';
      report(
        { file: entry.file, offset: ref.offset },
        `${what} «${ref.id}» не ${defined} в реестре registries/${ref.kind}s.json${hint || `; известные: ${[...registry.keys()].join(', ')}`}`,
      );
    }
  }
  const ids = [...lookup.roles.keys()];
  for (const { record, field, value } of recordRefs(context, 'role')) {
    if (!lookup.roles.has(String(value)) && !lookup.unreadableCatalogs.has('roles'))
      report(
        { value: record, field },
        `роль «${String(value)}» не найдена в реестре registries/roles.json${didYouMean(String(value), ids)}; роли: ${ids.join(', ')}`,
      );
  }
});
