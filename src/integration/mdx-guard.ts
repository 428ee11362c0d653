import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { decodeSource } from '../model/source.ts';
import { hasCode, parseMdx } from '../model/parse.ts';
import { extract } from '../validation/extract.ts';
import { containment, type Containment } from '../validation/mdx-containment.ts';

/**
 * The last line of defence before an MDX file turns into code: every `.mdx` module Vite compiles —
 * in `astro build` and in `astro dev`, including a file edited while the server runs — is checked
 * with the same containment rules as the checker, on the tree of the checker's parser AND on the tree
 * of Sätteri, the parser Astro compiles with, so a difference between parsers cannot smuggle code in.
 * A file with forbidden code is refused: its module never exists, so nothing in it ever runs.
 */
export function mdxGuardPlugin() {
  return {
    name: 'nd-mdx-guard',
    enforce: 'pre' as const,
    transform: {
      order: 'pre' as const,
      filter: { id: /\.mdx(?:\?.*)?$/ },
      handler(code: string, id: string) {
        const refusal = mdxRefusal(code, id.replace(/\?.*$/, ''));
        if (refusal) throw Object.assign(new Error(refusal), { name: 'NdForbiddenCode', stack: '' });
        return null;
      },
    },
  };
}

/** Located findings for one MDX source as text, or undefined when it may be compiled. */
export function mdxRefusal(code: string, file: string): string | undefined {
  const read = decodeSource(new TextEncoder().encode(code), new VFile({ path: file, value: '' }));
  if (!read.ok) return undefined; // Not text: the compiler fails on it without running anything.
  const text = String(read.file.value);
  const astroTree = satteriTree(text);
  const found: Containment[] = astroTree === 'unparsable' ? [] : containment(extract(astroTree).code);
  // Most files hold no ESM or expression at all in Sätteri's tree, and then Astro compiles no code from
  // them: Sätteri's verdict is the whole answer. Otherwise the checker's parser is asked too (it gives
  // the ESTree of each expression), and what only it sees is added.
  if (astroTree === 'unparsable' || hasCode(astroTree)) {
    const tree = parseMdx(read.file).tree;
    const known = new Set(found.map((f) => f.reason));
    if (tree) found.push(...containment(extract(tree).code).filter((f) => !known.has(f.reason)));
  }
  // An unparsable file is not compiled by Astro either, so nothing in it runs.
  if (found.length === 0) return undefined;
  const where = location(read.file);
  const lines = found
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, reason }) => {
      const point = where.toPoint(offset) ?? { line: 1, column: 1 };
      return `${file}:${point.line}:${point.column}  ${reason}  mdx/forbidden-code`;
    });
  return `файл не будет собран: в нём код, который содержимому запрещён\n${lines.join('\n')}`;
}

/** Sätteri's tree of the body; the frontmatter is blanked so that offsets stay those of the file. */
function satteriTree(text: string): Root | 'unparsable' {
  const fm = /^---\n[\s\S]*?\n---[ \t]*(?=\n|$)/.exec(text);
  const body = fm ? fm[0].replace(/[^\n]/g, ' ') + text.slice(fm[0].length) : text;
  try {
    return mdxToMdast(body) as unknown as Root;
  } catch {
    return 'unparsable';
  }
}
