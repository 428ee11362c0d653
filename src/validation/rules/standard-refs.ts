import { resolveStandard } from '../../model/lookup.ts';
import { entries } from '../entries.ts';
import { defineRule, type RuleContext } from '../rule.ts';

const DEFAULT_STANDARD = 'iso-9001-2015';

/** Resolves every standard and clause reference once; the three rules below share it. */
function* standardFindings(context: RuleContext) {
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
        yield { entry, ref, id: contextStandard, clause: ref.clause };
      }
    }
  }
}

export const unknownStandard = defineRule('ref/unknown-standard', (context) => {
  const known = [...context.lookup.standards.values()].map((s) => s.data.designation).join(', ');
  for (const { entry, ref, id } of standardFindings(context)) {
    if (ref.kind === 'standard' && !id) context.report({ file: entry.file, offset: ref.offset }, `стандарт «${ref.designation}» не найден в каталоге content/standards/; в каталоге: ${known}`);
  }
});

export const unknownClause = defineRule('ref/unknown-clause', (context) => {
  for (const { entry, ref, id, clause } of standardFindings(context)) {
    if (!id || !clause) continue;
    const standard = context.lookup.standards.get(id);
    if (!standard || context.lookup.clauses.get(id)?.has(clause)) continue;
    const top = standard.data.clauses.filter((c) => !c.number.includes('.')).map((c) => c.number);
    context.report({ file: entry.file, offset: ref.offset }, `в ${standard.data.designation} нет пункта ${clause}${top.length ? `; разделы стандарта: ${top[0]}–${top.at(-1)}` : ''}`);
  }
});

export const withdrawnStandard = defineRule('ref/withdrawn-standard', (context) => {
  for (const { entry, ref, id } of standardFindings(context)) {
    if (ref.kind !== 'standard' || !id) continue;
    const standard = context.lookup.standards.get(id)?.data;
    if (standard?.status !== 'withdrawn') continue;
    const next = standard.supersededBy ? context.lookup.standards.get(standard.supersededBy)?.data.designation : undefined;
    context.report({ file: entry.file, offset: ref.offset }, `${standard.designation} — отменённое издание${next ? `: ссылайтесь на ${next}` : ''}`);
  }
});

export default [unknownStandard, unknownClause, withdrawnStandard];
