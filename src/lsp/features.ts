import path from 'node:path';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { VFileMessage } from 'vfile-message';
import { z } from 'zod';
import { parseCode } from '../lib/codes.ts';
import { routes } from '../lib/routes.ts';
import { documentTitle } from '../lib/titles.ts';
import type { DocumentEntry, Located } from '../model/corpus.ts';
import { documentStatus, STATE_LABELS } from '../model/editions.ts';
import { resolveStandard, type Lookup } from '../model/lookup.ts';
import { parseMdx } from '../analysis/parse.ts';
import { policyPrinciples } from '../model/principles.ts';
import { appendix as appendixSchema, edition as editionSchema, PRINCIPLE_GROUPS } from '../schemas/document.ts';
import type { Standard } from '../schemas/standard.ts';
import { scanText } from '../analysis/extract.ts';
import type { ProseRef } from '../model/parsed.ts';
import type { SessionRun } from '../validation/session.ts';
import { clauseResolver, headingNumbers } from '../analysis/resolve.ts';

/**
 * What the language server answers, as plain functions of the checker's model and a file's text, so
 * that they are tested without a client. Positions are offsets (UTF-16, as in LSP and JavaScript);
 * the server turns them into lines and characters.
 */

export interface Item {
  label: string;
  /** Kind, for the editor's icon: `code`, `role`, `term`, `standard`, `clause`, `appendix`, `principle`, `key`, `value`. */
  kind: 'code' | 'role' | 'term' | 'standard' | 'clause' | 'appendix' | 'principle' | 'key' | 'value';
  detail?: string;
  documentation?: string;
  /** What replaces the range [from, offset); the label when absent. */
  insert?: string;
  from: number;
}

export interface Context {
  run: SessionRun;
  /** Path relative to the content root (`documents/pt-035/editions/1.0.mdx`). */
  rel: string;
  text: string;
  buildDate: string;
  /** The site's address, for links in hovers. */
  site?: string;
}

const FRONTMATTER_RE = /^---\n[\s\S]*?\n---[ \t]*$/m;

/** The end of the frontmatter block (after its closing `---`), or -1 when the file has none. */
function frontmatterEnd(text: string): number {
  if (!text.startsWith('---\n')) return -1;
  const m = FRONTMATTER_RE.exec(text);
  return m && m.index === 0 ? m[0].length : -1;
}

/** A document's name as its pages show it: the type word and the title. */
export function titleOf(lookup: Lookup, doc: DocumentEntry): string {
  const latest = doc.editions.at(-1);
  const prefix = parseCode(doc.code)?.prefix;
  return latest ? documentTitle(prefix ? lookup.types.get(prefix)?.name : undefined, latest.data.title) : doc.code;
}

// ---------------------------------------------------------------------------------------------
// Completion

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

function codes(ctx: Context, from: number, typed = ''): Item[] {
  const { lookup } = ctx.run;
  const wanted = typed.replace(/[\s\u2010-\u2014]/g, '-').toUpperCase();
  return [...lookup.documents.values()]
    .filter((doc) => doc.code.toUpperCase().startsWith(wanted))
    .map((doc) => ({ label: doc.code, kind: 'code' as const, detail: titleOf(lookup, doc), documentation: editionLine(ctx, doc), from }));
}

function editionLine(ctx: Context, doc: DocumentEntry): string {
  const status = documentStatus(doc.editions, ctx.buildDate);
  const inForce = status.current?.edition;
  return inForce
    ? `Действует редакция ${inForce.data.version} с ${inForce.data.effective ?? '—'}`
    : `Нет действующей редакции (${STATE_LABELS[status.state] ?? status.state})`;
}

function standards(ctx: Context, from: number): Item[] {
  return [...ctx.run.lookup.standards.values()].map(({ data }) => ({
    label: data.designation,
    kind: 'standard' as const,
    detail: data.title.ru,
    documentation: data.status === 'withdrawn' ? 'Отменённое издание' : undefined,
    from,
  }));
}

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

function clauses(standard: Located<Standard>, from: number, typed: string): Item[] {
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

function docOf(ctx: Context): DocumentEntry | undefined {
  const folder = ctx.rel.split('/')[1];
  return ctx.run.corpus.documents.find((d) => d.folder === folder);
}

type JsonNode = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  description?: string;
  anyOf?: JsonNode[];
  additionalProperties?: JsonNode | boolean;
  default?: unknown;
};
const schemaCache = new Map<string, JsonNode>();
function frontmatterSchema(kind: 'edition' | 'appendix'): JsonNode {
  let schema = schemaCache.get(kind);
  if (!schema) {
    schema = z.toJSONSchema(kind === 'edition' ? editionSchema : appendixSchema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
    schemaCache.set(kind, schema);
  }
  return schema;
}

/** The keys (with the object they belong to) above a frontmatter line, by indentation. */
function parentPath(text: string, lineStart: number, indent: number): string[] {
  const out: string[] = [];
  let want = indent;
  const lines = text.slice(0, lineStart).split('\n').reverse();
  for (const l of lines) {
    if (l === '---') break;
    const m = /^(\s*)(?:-\s+)?([\w$]+):/.exec(l);
    if (!m) continue;
    const ind = m[1]!.length + (/^\s*-\s/.test(l) ? 2 : 0);
    if (ind < want) {
      out.unshift(m[2]!);
      want = m[1]!.length;
      if (want === 0) break;
    }
  }
  return out;
}

function nodeAt(root: JsonNode, keys: string[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const key of keys) {
    node = unwrap(node);
    if (node?.items) node = unwrap(node.items);
    node = node?.properties?.[key] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  node = unwrap(node);
  return node?.items ? unwrap(node.items) : node;
}
const unwrap = (node: JsonNode | undefined): JsonNode | undefined => (node?.anyOf ? (node.anyOf.find((n) => n.type !== 'null') ?? node) : node);

function completeFrontmatter(ctx: Context, line: string, offset: number, lineStart: number): Item[] {
  const schema = frontmatterSchema(ctx.rel.includes('/appendices/') ? 'appendix' : 'edition');
  const keyOnly = /^(\s*)(-\s+)?([\w$]*)$/.exec(line);
  if (keyOnly) {
    const indent = keyOnly[1]!.length + (keyOnly[2]?.length ?? 0);
    const parent = indent === 0 ? schema : nodeAt(schema, parentPath(ctx.text, lineStart, indent));
    const present = new Set(indent === 0 ? [...ctx.text.slice(0, frontmatterEnd(ctx.text)).matchAll(/^([\w$]+):/gm)].map((m) => m[1]) : []);
    return Object.entries(parent?.properties ?? {})
      .filter(([key]) => !present.has(key))
      .map(([key, node]) => ({
        label: key,
        kind: 'key' as const,
        detail: describeType(node),
        documentation: unwrap(node)?.description ?? node.description,
        insert: `${key}: `,
        from: offset - keyOnly[3]!.length,
      }));
  }
  const pair = /^(\s*)(-\s+)?([\w$]+):\s*["']?([^"']*)$/.exec(line) ?? /^(\s*)(-\s+)()["']?([^"':]*)$/.exec(line);
  if (!pair) return [];
  const indent = pair[1]!.length + (pair[2]?.length ?? 0);
  const keys = [...parentPath(ctx.text, lineStart, indent), ...(pair[3] ? [pair[3]] : [])];
  const key = keys.at(-1) ?? '';
  const from = offset - pair[4]!.length;
  const { lookup } = ctx.run;
  const node = nodeAt(schema, keys);
  if (node?.enum) return node.enum.map((value) => ({ label: String(value), kind: 'value' as const, from }));
  if (key === 'access') return [...lookup.accessLevels.values()].map((a) => ({ label: a.id, kind: 'value' as const, detail: a.name, from }));
  if (key === 'unit') return [...lookup.units.values()].map(({ data }) => ({ label: data.id, kind: 'value' as const, detail: data.name, from }));
  if (key === 'code' || key === 'replacedBy') return codes(ctx, from);
  if (key === 'cite') return [...standards(ctx, from), ...codes(ctx, from)];
  if (keys.includes('reviewedAgainst')) return codes(ctx, from);
  return [];
}

function describeType(node: JsonNode): string | undefined {
  const n = unwrap(node);
  if (n?.enum) return n.enum.join(' | ');
  return Array.isArray(n?.type) ? n.type.join(' | ') : n?.type;
}

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

// ---------------------------------------------------------------------------------------------
// References under the cursor: hover and go to definition

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

// ---------------------------------------------------------------------------------------------
// Quick fixes

export interface Fix {
  title: string;
  from: number;
  to: number;
  replacement: string;
}

/**
 * The did-you-mean of a finding as an edit: the wrong value the rule read (`actual`) is found at the
 * finding's place, or else on its line, and replaced by the suggestion (`expected`).
 */
export function quickFix(text: string, message: Pick<VFileMessage, 'actual' | 'expected'>, offset: number): Fix | undefined {
  const actual = message.actual;
  const expected = message.expected?.[0];
  if (!actual || expected === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const variants = [actual, actual.replace(/-/g, ' '), actual.replace(/-/g, '')];
  for (const variant of variants) {
    let at = text.startsWith(variant, offset) ? offset : text.indexOf(variant, offset);
    if (at === -1 || at > lineEnd) at = text.lastIndexOf(variant, offset);
    if (at !== -1 && at >= lineStart && at + variant.length <= lineEnd)
      return { title: `Заменить «${variant}» на «${expected}»`, from: at, to: at + variant.length, replacement: expected };
  }
  return undefined;
}

export const relFromDisplay = (root: string, display: string) => path.relative(root, path.resolve(display)).split(path.sep).join('/');
