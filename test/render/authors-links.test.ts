import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { linkReferences, type LinkTarget } from '../../src/render/link-references.ts';

/** An author's own links to addresses above the audience: ПР-901 is restricted, ПР-900 0.9 a hidden edition. */
const target: LinkTarget = (url) => (/\/nd\/pr-901\//.test(url) ? { restricted: 'ПР-901' } : url.includes('/nd/pr-900/0.9/') ? 'unlinked' : undefined);
const resolve = (ref: { kind: string; prefix?: string; number?: string }) =>
  ref.kind === 'code' ? { href: `/nd/${ref.prefix === 'ПР' ? 'pr' : 'x'}-${ref.number}/`, title: `${ref.prefix}-${ref.number}` } : undefined;

const render = (markdown: string) => {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  linkReferences(tree, resolve as never, target);
  return toHtml(toHast(tree));
};

describe('authors’ links', () => {
  it('to a restricted document: its code, marked, no link — inline, reference-style and absolute', () => {
    const html = render('См. [порядок](/nd/pr-901/), [тут][r] и [там](https://nd.example.ru/nd/pr-901/1.0/).\n\n[r]: /nd/pr-901/appendices/1/');
    expect(html).not.toContain('pr-901');
    expect(html.match(/<span class="restricted-ref" title="ПР-901: документ ограниченного доступа">ПР-901<\/span>/g)).toHaveLength(3);
    expect(html).not.toMatch(/порядок|тут|там/);
  });

  it('to a hidden edition: the text stays without the link, references in it linked as usual', () => {
    const html = render('[прежняя редакция ПР-900](/nd/pr-900/0.9/)');
    expect(html).toBe('<p>прежняя редакция <a href="/nd/pr-900/" title="ПР-900" class="ref">ПР-900</a></p>');
  });

  it('anything else stays as written', () => {
    expect(render('[реестр](/nd/) и [ПР-900](/nd/pr-900/)')).toBe('<p><a href="/nd/">реестр</a> и <a href="/nd/pr-900/">ПР-900</a></p>');
  });
});
