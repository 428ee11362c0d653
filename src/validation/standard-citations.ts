import { resolveStandard } from '../model/lookup.ts';
import { entries } from './entries.ts';
import type { RuleContext } from './rule.ts';

/** A bare «п. 9.2» belongs to the standard named last before it, else the document's first cited one, else this. */
const DEFAULT_STANDARD = 'iso-9001-2015';

/**
 * Every standard and clause cited in prose, resolved once: the standard's catalog id (undefined when
 * unknown) and the clause, if any. `ref/unknown-standard`, `ref/unknown-clause` and
 * `ref/withdrawn-standard` read it.
 */
export function* standardCitations(context: Pick<RuleContext, 'corpus' | 'extracted' | 'lookup'>) {
  const { lookup } = context;
  for (const { doc, entry, extracted } of entries(context)) {
    const own = new Set(extracted.headings.map((h) => /^(\d+(?:\.\d+)*)\.?\s/.exec(h.text)?.[1]).filter(Boolean));
    const firstCited = doc.editions.at(-1)?.data.references.map((r) => resolveStandard(lookup, r.cite)).find(Boolean);
    let contextStandard = firstCited ?? DEFAULT_STANDARD;
    for (const ref of extracted.refs) {
      if (ref.kind === 'standard') {
        const id = resolveStandard(lookup, ref.designation);
        if (id) contextStandard = id;
        yield { entry, ref, id, clause: ref.clause };
      } else if (ref.kind === 'clause') {
        if (own.has(ref.clause)) continue;
        yield { entry, ref, id: contextStandard as string | undefined, clause: ref.clause as string | undefined };
      }
    }
  }
}
