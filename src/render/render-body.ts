import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toHast, type State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { HTML_ELEMENTS } from '../analysis/allowlist.ts';
import { walkProse } from '../analysis/walk.ts';
import { INLINE_COMPONENTS, type RenderContext } from './components.ts';
import { linkReferences } from './link-references.ts';

/** A rendered body: HTML, with the places where a content component renders from site data. */
export type BodySegment = { html: string } | { component: string; props: Record<string, string> };

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedBody {
  segments: BodySegment[];
  headings: Heading[];
}

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

/** A content component that renders a page's worth of site data: left to the page, as a segment. */
const SLOT = 'nd-slot';
const SLOT_HTML = new RegExp(`<${SLOT} data-index="(\\d+)"></${SLOT}>`, 'g');

/**
 * Renders a checked MDX tree to HTML once, as data. The checker has already refused anything but
 * Markdown, the allowlisted HTML elements and the content components (mdx/forbidden-code), so nothing
 * here is evaluated: components either render from the context's data (roles, terms, the reference
 * tables) or are left as segments for the page (audit and quality records).
 */
export function renderBody(tree: Root, context: RenderContext): RenderedBody {
  const headings = slugHeadings(tree);
  linkReferences(tree, context.resolverFor(headings), context.linkTarget);
  const slots: Extract<BodySegment, { component: string }>[] = [];
  const jsx = (state: State, node: JsxNode): ElementContent | ElementContent[] | undefined => {
    const name = node.name;
    const props = attributesOf(node);
    if (!name) return state.all(node);
    if (HTML_ELEMENTS.has(name)) return { type: 'element', tagName: name, properties: props as Properties, children: state.all(node) };
    const inline = INLINE_COMPONENTS[name];
    if (inline) return inline(props, state.all(node), context, node.type === 'mdxJsxFlowElement');
    slots.push({ component: name, props: { document: context.document, ...props } });
    return { type: 'element', tagName: SLOT, properties: { dataIndex: String(slots.length - 1) }, children: [] };
  };
  const hast = toHast(tree, {
    // Footnotes (`[^1]`) close the text under a heading of their own, in Russian like the rest of the page.
    footnoteLabel: 'Сноски',
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['footnotes-title'] },
    footnoteBackLabel: (reference, rereference) => `Вернуться к тексту, сноска ${reference + 1}${rereference > 1 ? ` (${rereference}-е упоминание)` : ''}`,
    handlers: {
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
      // Imports of the content module carry nothing to show; expressions never pass the checker.
      mdxjsEsm: () => undefined,
      mdxFlowExpression: () => undefined,
      mdxTextExpression: () => undefined,
      yaml: () => undefined,
      toml: () => undefined,
    },
  }) as HastRoot;
  const html = toHtml(hast);
  return { segments: splitSlots(html, slots), headings };
}

/** Heading ids as the checker computes them (src/analysis/extract.ts): one slugger per file, in order. */
function slugHeadings(tree: Root): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  walkProse(tree, (node) => {
    if (node.type !== 'heading') return;
    const text = toString(node);
    const slug = slugger.slug(text);
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: slug } };
    headings.push({ depth: node.depth, slug, text });
  });
  return headings;
}

/** String attributes only: the checker refuses expression attributes. */
function attributesOf(node: JsxNode): Record<string, string> {
  const props: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (attribute.value === null || attribute.value === undefined) props[attribute.name] = '';
    else if (typeof attribute.value === 'string') props[attribute.name] = attribute.value;
  }
  return props;
}

function splitSlots(html: string, slots: Extract<BodySegment, { component: string }>[]): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of html.matchAll(SLOT_HTML)) {
    if (match.index > last) segments.push({ html: html.slice(last, match.index) });
    const slot = slots[Number(match[1])];
    if (slot) segments.push(slot);
    last = match.index + match[0].length;
  }
  if (last < html.length) segments.push({ html: html.slice(last) });
  return segments;
}

export type { Element };
