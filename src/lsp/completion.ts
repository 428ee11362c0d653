import type { Located } from '../model/corpus.ts';
import { resolveStandard } from '../model/lookup.ts';
import { PRINCIPLE_GROUPS } from '../schemas/document.ts';
import type { Standard } from '../schemas/standard.ts';
import { scanText } from '../analysis/extract.ts';
import { clauseResolver } from '../analysis/resolve.ts';
import { policyPrinciples } from '../model/principles.ts';
import { clauses, codes, standards } from './candidates.ts';
import { docOf, frontmatterEnd, type Context, type Item } from './context.ts';
import { completeFrontmatter } from './frontmatter-completion.ts';

/** Completion in an edition's text, its frontmatter and the registries' JSON. */

export function complete(ctx: Context, offset: number): Item[] {
  const { text, rel } = ctx;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  if (rel.endsWith('.json')) return completeJson(ctx, line, offset);
  if (!rel.endsWith('.mdx')) return [];
  const end = frontmatterEnd(text);
  if (offset > 3 && (end === -1 ? false : offset < end - 3)) return completeFrontmatter(ctx, line, offset, lineStart);
  return completeBody(ctx, line, offset);
}

/** In the text: ids of roles and terms, principle groups, appendices, clauses of the standard named before, standards, codes. */
function completeBody(ctx: Context, line: string, offset: number): Item[] {
  const { lookup } = ctx.run;
  let m: RegExpExecArray | null;
  if ((m = /<Role\s+(?:[^>]*\s)?id=["']([\w-]*)$/.exec(line)))
    return [...lookup.roles.values()].map(({ data }) => ({
      label: data.id,
      kind: 'role',
      detail: data.name,
      documentation: data.definition,
      from: offset - m![1]!.length,
    }));
  if ((m = /<Term\s+(?:[^>]*\s)?id=["']([\w-]*)$/.exec(line)))
    return [...lookup.terms.values()].map(({ data }) => ({
      label: data.id,
      kind: 'term',
      detail: data.term,
      documentation: data.definition,
      from: offset - m![1]!.length,
    }));
  if ((m = /<Principles\s+(?:[^>]*\s)?group=["']([\w-]*)$/.exec(line)))
    return PRINCIPLE_GROUPS.map((group) => ({ label: group, kind: 'principle', from: offset - m![1]!.length }));
  if ((m = /[Пп]риложени[а-яё]*[\s\u00a0]*(?:№[\s\u00a0]*)?(\d*)$/.exec(line))) {
    const doc = docOf(ctx);
    return (doc?.appendices ?? []).map(({ data }) => ({
      label: `${data.number} «${data.title}»`,
      kind: 'appendix',
      detail: `Приложение ${data.number}`,
      insert: `${data.number} «${data.title}»`,
      from: offset - m![1]!.length,
    }));
  }
  if ((m = /(?:[Пп]п?\.|[Пп]ункт[а-яё]*|[Рр]аздел[а-яё]*|[Рр]азд\.)[\s\u00a0]*([\d.]*)$/.exec(line))) {
    const standard = standardBefore(ctx, offset);
    return standard ? clauses(standard, offset - m[1]!.length, m[1]!) : [];
  }
  if (
    (m =
      /(?:ISO|ИСО|ГОСТ(?:[\s\u00a0]+Р)?(?:[\s\u00a0]+ИСО)?)[\s\u00a0]*(\d+)[\s\u00a0]*[:-][\s\u00a0]*(?:\d{4})?,?[\s\u00a0]*(?:[Пп]п?\.|пункт[а-яё]*)?[\s\u00a0]*([\d.]*)$/.exec(
        line,
      ))
  ) {
    // «ISO 9001:2015, п. 8.» — the clauses of the standard just named.
    const id = resolveStandard(lookup, m[0].replace(/,.*$|[\s\u00a0]*(?:[Пп]п?\.|пункт[а-яё]*)[\s\u00a0]*[\d.]*$/, '').trim());
    const standard = id ? lookup.standards.get(id) : undefined;
    if (standard && /[Пп]|пункт|,/.test(m[0].slice(m[0].search(/\d{4}/) + 4))) return clauses(standard, offset - m[2]!.length, m[2]!);
  }
  if ((m = /(?<![\p{L}\p{N}])(?:ISO|ИСО|ГОСТ)[\s\u00a0\w:-]*$/u.exec(line)) && !/\d{4}$/.test(m[0])) return standards(ctx, offset - m[0].length);
  if ((m = /(?<![\p{L}\p{N}])(\p{Lu}{1,4}(?:[-\u2010-\u2014 \u00a0]\d{0,3})?)$/u.exec(line)) && (/\d|-/.test(m[1]!) || lookup.types.has(m[1]!)))
    return codes(ctx, offset - m[1]!.length, m[1]!);
  return [];
}

/** The standard a bare clause typed at `offset` would belong to, as the checker resolves it. */
function standardBefore(ctx: Context, offset: number): Located<Standard> | undefined {
  const doc = docOf(ctx);
  const refs = scanText(ctx.text.slice(0, offset), 0);
  const resolve = clauseResolver(ctx.run.lookup, doc ?? { editions: [] }, new Map());
  for (const ref of refs) resolve(ref);
  const found = resolve({ kind: 'clause', raw: '', clause: '', offset });
  const id = found && found !== 'own' ? found.id : undefined;
  return id ? ctx.run.lookup.standards.get(id) : undefined;
}

/** In a registry's JSON: units, roles, principles, clauses and codes by the key being filled. */
function completeJson(ctx: Context, line: string, offset: number): Item[] {
  const m = /"([\w$]+)"\s*:\s*(?:\[\s*(?:"[^"]*"\s*,\s*)*)?"([^"]*)$/.exec(line);
  if (!m) return [];
  const [, key = '', typed = ''] = m;
  const from = offset - typed.length;
  const { lookup, corpus } = ctx.run;
  if (key === 'unit' || key === 'owner' || key === 'holder' || key === 'parent')
    return [...lookup.units.values()].map(({ data }) => ({ label: data.id, kind: 'value' as const, detail: data.name, from }));
  if (key === 'roles' || key === 'approvedBy' || key === 'role')
    return [...lookup.roles.values()].map(({ data }) => ({ label: data.id, kind: 'role' as const, detail: data.name, from }));
  if (key === 'principle' || key === 'direction') {
    const group = key === 'principle' ? 'principle' : 'cx-direction';
    const out: Item[] = [];
    for (const policy of policyPrinciples(corpus.documents, ctx.buildDate).values())
      for (const p of policy.principles.filter((x) => x.group === group))
        out.push({ label: p.id, kind: 'principle', detail: p.title, documentation: `${policy.code}, редакция ${policy.edition?.data.version ?? '—'}`, from });
    return out;
  }
  if (key === 'clause' || key === 'clauses') {
    const standard = lookup.standards.get('iso-9001-2015');
    return standard ? clauses(standard, from, typed) : [];
  }
  if (key === 'document' || key === 'documents' || key === 'policy' || key === 'definedIn') return codes(ctx, from, typed);
  return [];
}
