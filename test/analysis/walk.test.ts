import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { containment } from '../../src/analysis/containment.ts';
import { parseMdx } from '../../src/analysis/parse.ts';
import type { RenderContext } from '../../src/render/components.ts';
import { renderBody } from '../../src/render/render-body.ts';
import type { ProseRef } from '../../src/model/parsed.ts';

const BODY = [
  '# Общие положения',
  '',
  'Текст по ПР-003 и [ссылка на ПР-004](https://example.ru/).',
  '',
  '## Общие положения',
  '',
  'Код `ПР-001` не ссылка.',
  '',
  '```',
  '# не заголовок, ПР-005',
  '```',
  '',
  '<div>',
  '',
  '### Общие положения',
  '',
  'Внутри элемента ПР-006.',
  '',
  '</div>',
].join('\n');

const parse = (body: string) => parseMdx(new VFile({ path: 'x.mdx', value: `---\ncode: ПР-009\n---\n${body}` }));

describe('one walk, one skip list: what is checked is what is rendered', () => {
  it('the extraction and the renderer read the same prose and give headings the same ids', () => {
    const parsed = parse(BODY);
    const extracted = parsed.extracted!;
    const codes = (refs: ProseRef[]) => refs.flatMap((r) => (r.kind === 'code' ? [`${r.prefix}-${r.number}`] : []));
    expect(codes(extracted.refs)).toEqual(['ПР-003', 'ПР-004', 'ПР-006']);
    const asked: ProseRef[] = [];
    const context = {
      document: 'ПР-009',
      resolverFor: () => (ref: ProseRef) => void asked.push(ref),
    } as unknown as RenderContext;
    const rendered = renderBody(parsed.tree!, context);
    // Link text is already a link: extracted (a rule may judge it), never linked again.
    expect(codes(asked)).toEqual(['ПР-003', 'ПР-006']);
    expect(rendered.headings.map((h) => h.slug)).toEqual(extracted.headings.map((h) => h.slug));
    expect(extracted.headings.map((h) => h.slug)).toEqual(['общие-положения', 'общие-положения-1', 'общие-положения-2']);
  });

  it('stores the containment findings of the code it extracted, once, beside the code', () => {
    const extracted = parse('Текст {process.env.HOME} и <script>alert(1)</script>.\n').extracted!;
    expect(extracted.containment.length).toBe(2);
    expect(extracted.containment).toEqual(containment(extracted.code));
  });

  it('a text with code MDX would run comes from remark-mdx, with the ESTree the containment reads', () => {
    const extracted = parse('export const x = 1\n\nТекст.\n').extracted!;
    expect(extracted.code.map((c) => c.kind)).toEqual(['esm']);
    expect(extracted.containment).toEqual([expect.objectContaining({ reason: expect.stringMatching(/экспорт из MDX/) })]);
  });
});
