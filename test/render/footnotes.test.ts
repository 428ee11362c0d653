import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/analysis/parse.ts';
import type { RenderContext } from '../../src/render/components.ts';
import { renderBody } from '../../src/render/render-body.ts';

/** A body with nothing to resolve: the footnotes are Markdown's own. */
const context: RenderContext = {
  document: 'ПР-001',
  role: () => undefined,
  term: () => undefined,
  rolesOf: () => [],
  referencesOf: () => undefined,
  principlesOf: () => undefined,
  documentTarget: () => undefined,
  standardOf: () => undefined,
  resolverFor: () => () => undefined,
} as unknown as RenderContext;

const html = (markdown: string) => {
  const tree = parseMdx(new VFile({ path: 'x.mdx', value: `---\ntitle: x\n---\n\n${markdown}` })).tree!;
  return renderBody(tree, context)
    .segments.map((s) => ('html' in s ? s.html : ''))
    .join('');
};

describe('footnotes in a body', () => {
  it('close the text under «Сноски», with Russian labels for screen readers, nothing in English', () => {
    const out = html('Аудит ведётся по ПТ-035[^1], дважды[^1].\n\n[^1]: Политика в области качества.');
    expect(out).toContain('<h2 class="footnotes-title" id="footnote-label">Сноски</h2>');
    expect(out).toContain('aria-label="Вернуться к тексту, сноска 1"');
    expect(out).toContain('aria-label="Вернуться к тексту, сноска 1 (2-е упоминание)"');
    expect(out).not.toMatch(/Footnotes|Back to/);
  });
});
