import type { Located } from '../model/corpus.ts';
import type { Standard } from '../schemas/standard.ts';
import { editionLine, titleOf, type Context, type Item } from './context.ts';

/** Completion candidates offered in the text, the frontmatter and the JSON alike. */

/** Document codes starting with what was typed. */
export function codes(ctx: Context, from: number, typed = ''): Item[] {
  const { lookup } = ctx.run;
  const wanted = typed.replace(/[\s\u2010-\u2014]/g, '-').toUpperCase();
  return [...lookup.documents.values()]
    .filter((doc) => doc.code.toUpperCase().startsWith(wanted))
    .map((doc) => ({ label: doc.code, kind: 'code' as const, detail: titleOf(lookup, doc), documentation: editionLine(ctx, doc), from }));
}

/** Every standard of the catalogue. */
export function standards(ctx: Context, from: number): Item[] {
  return [...ctx.run.lookup.standards.values()].map(({ data }) => ({
    label: data.designation,
    kind: 'standard' as const,
    detail: data.title.ru,
    documentation: data.status === 'withdrawn' ? 'Отменённое издание' : undefined,
    from,
  }));
}

/** Clauses of a standard whose number starts with what was typed. */
export function clauses(standard: Located<Standard>, from: number, typed: string): Item[] {
  return standard.data.clauses
    .filter((c) => c.number.startsWith(typed))
    .map((c) => ({
      label: c.number,
      kind: 'clause' as const,
      detail: c.ru || c.en || standard.data.designation,
      documentation: standard.data.designation,
      from,
    }));
}
