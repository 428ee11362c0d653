import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { scanText } from '../analysis/extract.ts';
import { NOT_PROSE, walkProse } from '../analysis/walk.ts';
import type { ProseRef } from '../model/parsed.ts';

/** Where a reference leads: a page (and anchor) with the target's full title, or a document the audience may not see. */
export type RefTarget = { href: string; title: string } | { restricted: string } | undefined;

/** Resolves the references of one text in reading order (clause references depend on the standard named before). */
export type RefResolver = (ref: ProseRef) => RefTarget;

/**
 * What an author's own link (`[…](/nd/pr-901/)`, `<a href>`) may lead to: a document above the audience
 * (`restricted`: its code), a page the audience does not have (`unlinked`: the text stays, the link goes),
 * or anything else (undefined: the link stays as written).
 */
export type LinkTarget = (url: string) => { restricted: string } | 'unlinked' | undefined;

/** Text inside these is left alone: already a link, or not prose (NOT_PROSE). Headings are linked too (their anchor comes from their text). */
const LINKS = new Set(['link', 'linkReference']);
const SKIP_JSX = new Set(['a', 'Role', 'Term']);

/**
 * Every reference the checker recognises in prose — document codes, standards, clauses, appendices of
 * this or another document — becomes a link, found with the checker's own scanner (src/analysis/extract.ts),
 * so what is checked and what is linked cannot drift apart. A restricted document keeps its code, marked.
 */
export function linkReferences(tree: Root, resolve: RefResolver, linkTarget?: LinkTarget) {
  const definitions = new Map<string, string>();
  if (linkTarget)
    walkProse(tree, (node) => {
      if (node.type === 'definition') definitions.set(node.identifier, node.url);
    });
  const visit = (node: Root | RootContent) => {
    if (NOT_PROSE.has(node.type) || LINKS.has(node.type)) return;
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && SKIP_JSX.has(node.name ?? '')) return;
    if (!('children' in node)) return;
    const parent = node as Parent;
    const children: RootContent[] = [];
    for (const child of parent.children) {
      const own = linkTarget && authorsLink(child, definitions, linkTarget);
      if (own?.unlinked) {
        // The link's own text stays, and references in it are linked as anywhere else.
        const holder = { type: 'paragraph', children: own.nodes } as Parent;
        visit(holder as RootContent);
        children.push(...(holder.children as RootContent[]));
      } else if (own) children.push(...own.nodes);
      else if (child.type === 'text') children.push(...linkText(child, resolve));
      else {
        visit(child);
        children.push(child);
      }
    }
    parent.children = children;
  };
  visit(tree);
}

/** A restricted document's code, marked, as every reference to it is shown: no link, no title. */
const restrictedMark = (code: string, title: string): PhrasingContent[] => [
  { type: 'text', value: code, data: { hName: 'span', hProperties: { className: ['restricted-ref'], title } } },
  { type: 'text', value: ' (документ ограниченного доступа)', data: { hName: 'small', hProperties: { className: ['restricted-note'] } } },
];

/** An author's link to an address the audience may not have, replaced; undefined for any other node. */
function authorsLink(
  node: RootContent,
  definitions: ReadonlyMap<string, string>,
  linkTarget: LinkTarget,
): { nodes: RootContent[]; unlinked: boolean } | undefined {
  let url: string | undefined;
  if (node.type === 'link') url = node.url;
  else if (node.type === 'linkReference') url = definitions.get(node.identifier);
  else if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'a') {
    const href = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href')?.value;
    url = typeof href === 'string' ? href : undefined;
  }
  const target = url === undefined ? undefined : linkTarget(url);
  if (!target) return undefined;
  const unlinked = target === 'unlinked';
  const inline = unlinked
    ? ((node as Parent).children as PhrasingContent[])
    : restrictedMark(target.restricted, `${target.restricted}: документ ограниченного доступа`);
  return { nodes: node.type === 'mdxJsxFlowElement' ? [{ type: 'paragraph', children: inline }] : inline, unlinked };
}
function linkText(node: Text, resolve: RefResolver): PhrasingContent[] {
  const refs = scanText(node.value, 0).filter((ref) => ref.kind !== 'role' && ref.kind !== 'term' && ref.kind !== 'link');
  if (refs.length === 0) return [node];
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const ref of refs) {
    // Every reference is resolved, in order, so the clause context follows the text; overlaps are not linked twice.
    const target = resolve(ref);
    if (!target || ref.offset < at) continue;
    if (ref.offset > at) out.push({ type: 'text', value: node.value.slice(at, ref.offset) });
    const text = node.value.slice(ref.offset, ref.offset + ref.raw.length);
    if ('restricted' in target) {
      out.push(...restrictedMark(text, target.restricted));
    } else {
      out.push({
        type: 'link',
        url: target.href,
        title: target.title,
        children: [{ type: 'text', value: text }],
        data: { hProperties: { className: ['ref'] } },
      });
    }
    at = ref.offset + ref.raw.length;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
