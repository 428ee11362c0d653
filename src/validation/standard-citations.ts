import { resolveStandard } from '../model/lookup.ts';
import type { Clause, Standard } from '../schemas/standard.ts';
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

/**
 * For a clause deeper than a catalog marked shallow (`depth`), the listed clause it falls under
 * (8.2.2 → 8.2 in ISO 9001:2008, listed to level 2): it cannot be verified, only its branch.
 */
export function unverifiableUnder(standard: Pick<Standard, 'depth' | 'clauses'>, clause: string): Clause | undefined {
  const parts = clause.split('.');
  if (standard.depth === undefined || parts.length <= standard.depth) return undefined;
  const ancestor = parts.slice(0, standard.depth).join('.');
  return standard.clauses.find((c) => c.number === ancestor);
}
