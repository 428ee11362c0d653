import type { Root, RootContent } from 'mdast';

/**
 * Nodes whose text is not prose: code, frontmatter and raw HTML. Nothing inside them is a reference, a
 * heading or code MDX runs, so the extraction and the renderer's passes (heading ids, reference links)
 * all stop at them. One list, so what is checked and what is rendered read the same text.
 */
export const NOT_PROSE: ReadonlySet<string> = new Set(['code', 'inlineCode', 'yaml', 'html']);

/**
 * Visits an MDX tree in document order, skipping NOT_PROSE nodes. `enter` returns false to leave a
 * node's children unvisited (the node itself is still seen).
 */
export function walkProse(tree: Root, enter: (node: Root | RootContent) => boolean | void): void {
  const visit = (node: Root | RootContent) => {
    if (NOT_PROSE.has(node.type)) return;
    if (enter(node) === false || !('children' in node)) return;
    for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
}
