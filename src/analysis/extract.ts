import GithubSlugger from 'github-slugger';
import type { Heading, Root, Table } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { CODE_SEPARATORS, parseCode } from '../lib/codes.ts';
import { INVISIBLE_RE } from '../lib/invisible.ts';
import type { CodeNode, Extracted, ProseRef, StructureMark } from '../model/parsed.ts';
import { containment } from './containment.ts';
import { walkProse } from './walk.ts';

const CLAUSE_WORD = String.raw`(?:[Пп]п?\.|[Пп]ункт[а-яё]*|[Рр]аздел[а-яё]*|[Рр]азд\.)`;
const CLAUSE_NUM = String.raw`(\d+(?:\.\d+)*)`;
const STANDARD = String.raw`((?:ГОСТ\s+Р\s+)?(?:ISO|ИСО)|ГОСТ\s+ISO)[\s\u00a0]*(\d{3,5})(?:[\s\u00a0]*[:\-–‑][\s\u00a0]*([12]\d{3}))?(?!\d)`;
const STANDARD_RE = new RegExp(String.raw`(?:${CLAUSE_WORD}\s*${CLAUSE_NUM}\s+)?${STANDARD}`, 'gu');
const BARE_CLAUSE_RE = new RegExp(String.raw`(?<![\p{L}])${CLAUSE_WORD}\s*(\d+(?:\.\d+)+|\d+)(?![\d])(?!\.\d)`, 'gu');
const CODE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(\p{Lu}{1,4})([${CODE_SEPARATORS}]?)(\d{3})(?![\p{L}\p{N}])`, 'gu');
/** Only with a hyphen: «ПТ 35» may be anything, «ПТ-35» is meant as a code. */
const MALFORMED_CODE_RE = /(?<![\p{L}\p{N}])(\p{Lu}{1,4})[-‐‑‒–—](\d{1,2}|\d{4,6})(?![\p{L}\p{N}]|[.,]\d)/gu;
/**
 * «Приложение 3», «в Приложении 1 «Руководство…»», «приложения 1 и 2», and any of these followed by
 * «к ПТ-035» or «к Политике ПТ-035» (up to two words before the code): the appendix of another document.
 */
const APPENDIX_HEAD = String.raw`[Пп]риложени[а-яё]*[\s\u00a0]*(?:№[\s\u00a0]*)?(\d+(?:[\s\u00a0]*(?:,|и)[\s\u00a0]*\d+)*)(?:[\s\u00a0]*«((?:[^«»]|«[^«»]*»)*)»)?`;
const APPENDIX_OF = String.raw`[\s\u00a0]+к[\s\u00a0]+(?:[\p{L}«»"-]+[\s\u00a0]+){0,2}?(\p{Lu}{1,4}[${CODE_SEPARATORS}]?\d{3})(?![\p{L}\p{N}])`;
const APPENDIX_RE = new RegExp(String.raw`(?<![\p{L}])${APPENDIX_HEAD}(?:${APPENDIX_OF})?`, 'gu');
const APPENDIX_HEAD_RE = new RegExp(`^${APPENDIX_HEAD}`, 'u');

const INVISIBLE_ALL = new RegExp(INVISIBLE_RE.source, 'gu');
/** «…», with one level of «…» inside. */
const QUOTE_RE = /«((?:[^«»]|«[^«»]*»)+)»/g;

/**
 * Finds references in one run of plain text starting at `base`. Invisible characters are taken out
 * first and the references mapped back to the text as written, with the characters they contained.
 */
export function scanText(text: string, base: number): ProseRef[] {
  if (!INVISIBLE_RE.test(text)) return scanVisible(text, base);
  const kept: number[] = [];
  const hidden: number[] = [];
  for (let i = 0; i < text.length; i++) (INVISIBLE_RE.test(text[i]!) ? hidden : kept).push(i);
  kept.push(text.length);
  return scanVisible(text.replace(INVISIBLE_ALL, ''), 0).map((ref) => {
    const start = kept[ref.offset]!;
    const end = kept[ref.offset + ref.raw.length - 1]! + 1;
    const inside = hidden.filter((i) => i > start && i < end).map((i) => ({ offset: base + i, char: text[i]! }));
    return { ...ref, offset: base + start, ...(inside.length ? { hidden: inside } : {}) };
  });
}

function scanVisible(text: string, base: number): ProseRef[] {
  const refs: ProseRef[] = [];
  const taken: Array<[number, number]> = [];
  // Cheap substring tests first: most text runs cite nothing, and the patterns are costly to try
  // at every position of every run.
  const hasStandard = text.includes('ISO') || text.includes('ИСО');
  const hasClause = /[Пп]п?\.|ункт|азд/.test(text);
  const hasNumber = /\d\d\d/.test(text);
  const hasAppendix = text.includes('риложени');
  if (hasStandard)
    for (const m of text.matchAll(STANDARD_RE)) {
      const [raw, clause, body = '', number = '', year] = m;
      const prefix = body.replace(/\s+/g, ' ');
      const designation = /ГОСТ/.test(prefix) ? `${prefix} ${number}${year ? `-${year}` : ''}` : `ISO ${number}${year ? `:${year}` : ''}`;
      refs.push({ kind: 'standard', raw, designation, clause, offset: base + m.index });
      taken.push([m.index, m.index + raw.length]);
    }
  const free = (start: number, end: number) => !taken.some(([a, b]) => start < b && end > a);
  if (hasClause)
    for (const m of text.matchAll(BARE_CLAUSE_RE)) {
      if (free(m.index, m.index + m[0].length)) refs.push({ kind: 'clause', raw: m[0], clause: m[1] ?? '', offset: base + m.index });
    }
  if (hasNumber)
    for (const m of text.matchAll(CODE_RE)) {
      if (free(m.index, m.index + m[0].length)) refs.push({ kind: 'code', raw: m[0], prefix: m[1] ?? '', number: m[3] ?? '', offset: base + m.index });
    }
  if (/\p{Lu}[-‐‑‒–—]\d/u.test(text))
    for (const m of text.matchAll(MALFORMED_CODE_RE)) {
      if (free(m.index, m.index + m[0].length))
        refs.push({ kind: 'malformed-code', raw: m[0], prefix: m[1] ?? '', number: m[2] ?? '', offset: base + m.index });
    }
  if (hasAppendix)
    for (const m of text.matchAll(APPENDIX_RE)) {
      const [whole, list = '', title, code] = m;
      const document = code ? (parseCode(code)?.code ?? code) : undefined;
      // The link and the message point at «Приложение 3 «…»» (the code after «к» is a reference of its own).
      const head = APPENDIX_HEAD_RE.exec(whole)?.[0] ?? whole;
      const numbers = [...list.matchAll(/\d+/g)];
      numbers.forEach((n, i) => {
        // The first number carries the words before it; each further one is its own digits.
        const start = i === 0 ? 0 : whole.indexOf(list) + (n.index ?? 0);
        const raw = i === 0 ? (numbers.length > 1 ? whole.slice(0, whole.indexOf(list) + (n.index ?? 0) + n[0].length) : head) : n[0];
        refs.push({
          kind: 'appendix',
          raw,
          number: Number(n[0]),
          title: numbers.length === 1 ? title : undefined,
          ...(document ? { document } : {}),
          offset: base + m.index + start,
        });
      });
    }
  return refs.sort((a, b) => a.offset - b.offset);
}

const CONTENT_REF_COMPONENTS: Record<string, 'role' | 'term'> = { Role: 'role', Term: 'term' };

/** Walks an MDX tree once and collects references, headings, executable code and what of it content may not contain. */
export function extract(tree: Root): Extracted {
  const out: Omit<Extracted, 'containment'> = { refs: [], quotes: [], headings: [], code: [], marks: [] };
  const slugger = new GithubSlugger();
  const mark = (kind: StructureMark['kind'], offset: number, label?: string) => out.marks.push({ kind, offset, ...(label === undefined ? {} : { label }) });
  walkProse(tree, (node) => {
    const offset = node.position?.start.offset ?? 0;
    switch (node.type) {
      case 'text':
        out.refs.push(...scanText(node.value, offset));
        if (node.value.includes('«')) for (const m of node.value.matchAll(QUOTE_RE)) out.quotes.push({ text: m[1] ?? '', offset: offset + m.index });
        if (node.value.includes('[')) unresolved(node.value, offset, mark);
        return false;
      case 'heading': {
        const text = toString(node as Heading);
        out.headings.push({ slug: slugger.slug(text), text, depth: node.depth, offset });
        if (!text.trim()) mark('empty-heading', offset);
        return true;
      }
      case 'table':
        out.marks.push(...extraCells(node));
        return true;
      case 'footnoteReference':
        mark('footnote-call', offset, node.label ?? node.identifier);
        return false;
      case 'footnoteDefinition':
        mark('footnote-definition', offset, node.label ?? node.identifier);
        return true;
      case 'linkReference':
        if (!toString(node).trim()) mark('empty-link', offset);
        return true;
      case 'link':
        out.refs.push({ kind: 'link', raw: node.url, url: node.url, offset });
        if (!toString(node).trim()) mark('empty-link', offset);
        return true;
      case 'image':
        out.refs.push({ kind: 'image', raw: node.url, url: node.url, offset });
        return false;
      case 'definition':
        // `[текст][r]` … `[r]: адрес`: the target is in the definition, checked like any link.
        out.refs.push({ kind: 'link', raw: node.url, url: node.url, offset });
        return false;
      case 'mdxjsEsm':
        out.code.push({ kind: 'esm', value: node.value, offset });
        return false;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        out.code.push({ kind: 'expression', value: node.value, offset });
        return false;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        jsx(node, offset, out);
        return true;
    }
    return true;
  });
  return { ...out, containment: containment(out.code) };
}

/** GFM publishes as many cells per row as the header has columns: the rest of a longer row is dropped. */
function extraCells(table: Table): StructureMark[] {
  const columns = table.align?.length ?? table.children[0]?.children.length ?? 0;
  return table.children.flatMap((row) =>
    row.children.slice(columns).map((cell, i) => ({
      kind: 'table-extra-cell' as const,
      offset: cell.position?.start.offset ?? table.position?.start.offset ?? 0,
      label: toString(cell),
      columns,
      column: columns + i + 1,
    })),
  );
}

/** A footnote call or a full link reference left as text: the parser found no definition for its label. */
const UNRESOLVED_FOOTNOTE = /\[\^([^\]\s]+)\]/g;
// The label has a letter: «[1][2]» is two citations, not a link whose label is missing.
const UNRESOLVED_LINK = /\[[^[\]\n]+\]\[([^[\]\n]*\p{L}[^[\]\n]*)\]/gu;

function unresolved(text: string, offset: number, mark: (kind: StructureMark['kind'], offset: number, label?: string) => void) {
  for (const m of text.matchAll(UNRESOLVED_FOOTNOTE)) mark('unresolved-footnote', offset + m.index, m[1]);
  for (const m of text.matchAll(UNRESOLVED_LINK)) mark('unresolved-link', offset + m.index, m[1]);
}

function jsx(node: MdxJsxFlowElement | MdxJsxTextElement, offset: number, out: Pick<Extracted, 'code' | 'refs'>) {
  const attributes: NonNullable<CodeNode['attributes']> = [];
  const content = node.children.find((child) => child.type !== 'text' || child.value.trim() !== '');
  out.code.push({
    kind: 'jsx',
    value: node.name ?? '',
    name: node.name ?? '',
    offset,
    attributes,
    ...(content ? { childrenAt: content.position?.start.offset ?? offset } : {}),
  });
  for (const attribute of node.attributes) {
    const at = attribute.position?.start.offset ?? offset;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      out.code.push({ kind: 'expression', value: attribute.value, offset: at });
    } else if (attribute.value && typeof attribute.value === 'object') {
      out.code.push({ kind: 'expression', value: attribute.value.value, offset: at });
    } else {
      attributes.push({ name: attribute.name, value: attribute.value ?? null, offset: at });
    }
  }
  const kind = node.name ? CONTENT_REF_COMPONENTS[node.name] : undefined;
  if (kind) {
    const idAttr = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'id');
    const id = typeof idAttr?.value === 'string' ? idAttr.value : '';
    out.refs.push({ kind, raw: id, id, offset: idAttr?.position?.start.offset ?? offset });
  }
  const href = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'href');
  if (node.name === 'a' && typeof href?.value === 'string') out.refs.push({ kind: 'link', raw: href.value, url: href.value, offset });
}
