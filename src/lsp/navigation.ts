import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { routes } from '../lib/routes.ts';
import type { Located } from '../model/corpus.ts';
import { documentStatus } from '../model/editions.ts';
import { resolveStandard } from '../model/lookup.ts';
import { parseMdx } from '../analysis/parse.ts';
import type { ProseRef } from '../model/parsed.ts';
import { clauseResolver, headingNumbers } from '../analysis/resolve.ts';
import { docOf, editionLine, frontmatterEnd, titleOf, type Context } from './context.ts';

/** What is under the cursor — a reference in the text or a frontmatter value — for hover and go to definition. */

/** The references of a file's current text (the session's extraction when it has one). */
function refsOf(ctx: Context): ProseRef[] {
  const doc = docOf(ctx);
  const entry = [...(doc?.editions ?? []), ...(doc?.appendices ?? [])].find((e) => e.file.path.endsWith(ctx.rel) && String(e.file.value) === ctx.text);
  const extracted = entry?.source.extracted ?? (ctx.rel.endsWith('.mdx') ? parseMdx(new VFile({ value: ctx.text })).extracted : null);
  return extracted?.refs ?? [];
}

/** A reference whose text covers the offset, with the standard a clause resolves to. */
export function refAt(ctx: Context, offset: number): { ref: ProseRef; standard?: string; clause?: string } | undefined {
  const doc = docOf(ctx);
  const refs = refsOf(ctx);
  const headings = doc ? ([...doc.editions, ...doc.appendices].find((e) => e.file.path.endsWith(ctx.rel))?.source.extracted?.headings ?? []) : [];
  const resolve = clauseResolver(ctx.run.lookup, doc ?? { editions: [] }, headingNumbers(headings));
  for (const ref of refs) {
    const found = resolve(ref);
    if (offset < ref.offset || offset > ref.offset + Math.max(ref.raw.length, 1)) continue;
    if (found && found !== 'own') return { ref, standard: found.id, clause: found.clause };
    return { ref };
  }
  return undefined;
}

export interface HoverInfo {
  markdown: string;
  from: number;
  to: number;
}

/** A frontmatter value under the cursor (`unit: dkko`, `- cite: ISO 9001:2015`), with its key. */
function valueAt(ctx: Context, offset: number): { key: string; value: string; from: number; to: number } | undefined {
  const end = frontmatterEnd(ctx.text);
  if (end === -1 || offset >= end) return undefined;
  const lineStart = ctx.text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = ctx.text.indexOf('\n', offset);
  const line = ctx.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const m = /^(\s*(?:-\s+)?)([\w$]+|"[^"]+"|[\p{Lu}]{1,4}-\d{3}):\s*["']?([^"'#]*?)["']?\s*$/u.exec(line);
  if (!m) return undefined;
  const value = m[3]!;
  const from = lineStart + line.indexOf(value, m[1]!.length + m[2]!.length);
  // On the key of `reviewedAgainst: { ПТ-035: "1.0" }` written as a block: the key is the code.
  if (/^[\p{Lu}]{1,4}-\d{3}$/u.test(m[2]!)) return { key: 'code', value: m[2]!, from: lineStart + m[1]!.length, to: lineStart + m[1]!.length + m[2]!.length };
  return value ? { key: m[2]!, value, from, to: from + value.length } : undefined;
}

/** What a frontmatter value names: a unit, an access level, a document, a standard. */
function valueTarget(ctx: Context, key: string, value: string) {
  const { lookup } = ctx.run;
  if (key === 'unit') return { unit: lookup.units.get(value) };
  if (key === 'access') return { access: lookup.accessLevels.get(value) };
  if (key === 'code' || key === 'replacedBy' || key === 'cite') {
    const doc = lookup.documents.get(value);
    if (doc) return { doc };
    const id = key === 'cite' ? resolveStandard(lookup, value) : undefined;
    if (id) return { standard: lookup.standards.get(id) };
  }
  return {};
}

export function hover(ctx: Context, offset: number): HoverInfo | undefined {
  const field = ctx.rel.endsWith('.mdx') ? valueAt(ctx, offset) : undefined;
  if (field) {
    const target = valueTarget(ctx, field.key, field.value);
    const span = { from: field.from, to: field.to };
    const link = (address: string) => (ctx.site ? new URL(address, ctx.site).href : address);
    if (target.unit) return { ...span, markdown: `**${target.unit.data.name}** (подразделение \`${target.unit.data.id}\`)` };
    if (target.access) return { ...span, markdown: `**${target.access.name}**\n\n${target.access.restriction}` };
    if (target.doc)
      return {
        ...span,
        markdown: `**${target.doc.code}** — ${titleOf(ctx.run.lookup, target.doc)}\n\n${editionLine(ctx, target.doc)}\n\n${link(routes.document(target.doc.code))}`,
      };
    if (target.standard) return { ...span, markdown: `**${target.standard.data.designation}** — ${target.standard.data.title.ru}` };
  }
  const at = refAt(ctx, offset);
  if (!at) return undefined;
  const { ref } = at;
  const { lookup } = ctx.run;
  const span = { from: ref.offset, to: ref.offset + ref.raw.length };
  const link = (address: string) => (ctx.site ? new URL(address, ctx.site).href : address);
  if (ref.kind === 'code' || (ref.kind === 'appendix' && ref.document)) {
    const code = ref.kind === 'code' ? `${ref.prefix}-${ref.number}` : ref.document!;
    const doc = lookup.documents.get(code);
    if (!doc) return undefined;
    if (ref.kind === 'appendix') {
      const appendix = doc.appendices.find((a) => a.data.number === ref.number);
      return { ...span, markdown: `**${code}, приложение ${ref.number}** «${appendix?.data.title ?? '—'}»\n\n${link(routes.appendix(code, ref.number))}` };
    }
    return { ...span, markdown: `**${code}** — ${titleOf(lookup, doc)}\n\n${editionLine(ctx, doc)}\n\n${link(routes.document(code))}` };
  }
  if (ref.kind === 'appendix') {
    const appendix = docOf(ctx)?.appendices.find((a) => a.data.number === ref.number);
    return appendix ? { ...span, markdown: `**Приложение ${ref.number}** «${appendix.data.title}»` } : undefined;
  }
  if ((ref.kind === 'standard' || ref.kind === 'clause') && at.standard) {
    const standard = lookup.standards.get(at.standard);
    if (!standard) return undefined;
    const clause = at.clause ? lookup.clauses.get(at.standard)?.get(at.clause) : undefined;
    const head = `**${standard.data.designation}** — ${standard.data.title.ru}${standard.data.status === 'withdrawn' ? ' (отменённое издание)' : ''}`;
    const address = at.clause ? routes.clause(at.standard, at.clause) : routes.standard(at.standard);
    if (!at.clause) return { ...span, markdown: `${head}\n\n${link(address)}` };
    const title = clause ? clause.ru || clause.en || 'без заголовка' : 'нет в каталоге';
    return { ...span, markdown: `**п. ${at.clause}** ${title}\n\n${head}\n\n${link(address)}` };
  }
  if (ref.kind === 'role' || ref.kind === 'term') {
    const found = ref.kind === 'role' ? lookup.roles.get(ref.id) : lookup.terms.get(ref.id);
    if (!found) return undefined;
    const name = 'name' in found.data ? found.data.name : found.data.term;
    return {
      ...span,
      markdown: `**${name}** (${ref.kind === 'role' ? 'роль' : 'термин'} \`${ref.id}\`)\n\n${found.data.definition}\n\nОпределена в ${found.data.definedIn}`,
    };
  }
  return undefined;
}

export interface Target {
  /** Display path as in the messages (relative to the working folder). */
  path: string;
  offset: number;
  line: number;
  column: number;
}

function targetOf(value: Pick<Located<unknown>, 'file' | 'locate' | 'at'>, field: ReadonlyArray<string | number> = []): Target {
  const offset = value.locate.offsetOf([...value.at, ...field]);
  const point = location(value.file).toPoint(offset) ?? { line: 1, column: 1 };
  return { path: value.file.path, offset, line: point.line, column: point.column };
}

export function definition(ctx: Context, offset: number): Target | undefined {
  const field = ctx.rel.endsWith('.mdx') ? valueAt(ctx, offset) : undefined;
  if (field) {
    const target = valueTarget(ctx, field.key, field.value);
    if (target.unit) return targetOf(target.unit);
    if (target.standard) return targetOf(target.standard);
    if (target.doc) {
      const edition = documentStatus(target.doc.editions, ctx.buildDate).current?.edition ?? target.doc.editions.at(-1);
      if (edition) return targetOf(edition);
    }
  }
  const at = refAt(ctx, offset);
  if (!at) return undefined;
  const { ref } = at;
  const { lookup } = ctx.run;
  if (ref.kind === 'code' || (ref.kind === 'appendix' && ref.document)) {
    const doc = lookup.documents.get(ref.kind === 'code' ? `${ref.prefix}-${ref.number}` : ref.document!);
    if (!doc) return undefined;
    if (ref.kind === 'appendix') {
      const appendix = doc.appendices.find((a) => a.data.number === ref.number);
      return appendix ? targetOf(appendix) : undefined;
    }
    const edition = documentStatus(doc.editions, ctx.buildDate).current?.edition ?? doc.editions.at(-1);
    return edition ? targetOf(edition) : undefined;
  }
  if (ref.kind === 'appendix') {
    const appendix = docOf(ctx)?.appendices.find((a) => a.data.number === ref.number);
    return appendix ? targetOf(appendix) : undefined;
  }
  if ((ref.kind === 'standard' || ref.kind === 'clause') && at.standard) {
    const standard = lookup.standards.get(at.standard);
    if (!standard) return undefined;
    const index = at.clause ? standard.data.clauses.findIndex((c) => c.number === at.clause) : -1;
    return targetOf(standard, index >= 0 ? ['clauses', index] : []);
  }
  if (ref.kind === 'role' || ref.kind === 'term') {
    const found = ref.kind === 'role' ? lookup.roles.get(ref.id) : lookup.terms.get(ref.id);
    return found ? targetOf(found) : undefined;
  }
  return undefined;
}
