import { describe, expect, it } from 'vitest';
import { blocksToMdx, inlineMarkdown } from '../../src/import/mdx-writer.ts';

describe('emphasis as Word splits it into runs', () => {
  it('marks whole words; formatting of part of a word (Word’s «j<i>um</i><b><i>ped</i></b>») is left out, not written as stray «_»', () => {
    const runs = [
      { text: 'The ' },
      { text: 'quick', italic: true },
      { text: ' brown ' },
      { text: 'fox', bold: true },
      { text: ' j' },
      { text: 'um', italic: true },
      { text: 'ped', bold: true, italic: true },
      { text: ' over.' },
    ];
    expect(inlineMarkdown(runs)).toBe('The _quick_ brown **fox** jumped over.');
    expect(inlineMarkdown([{ text: 'F' }, { text: 'oob', bold: true }, { text: 'a' }, { text: 'r', bold: true }])).toBe('Foobar');
  });

  it('joins neighbouring runs of one formatting, so no «****» is left between them', () => {
    expect(inlineMarkdown([{ text: 'Важно', bold: true }, { text: ': срок', bold: true }, { text: ' — месяц.' }])).toBe('**Важно: срок** — месяц.');
  });

  it('keeps emphasis next to punctuation and quotes, and spaces outside the markers', () => {
    expect(inlineMarkdown([{ text: 'Политика «' }, { text: 'Качество ', bold: true }, { text: '» действует.' }])).toBe('Политика «**Качество** » действует.');
    expect(blocksToMdx([{ kind: 'paragraph', line: 1, inlines: [{ text: 'См. ' }, { text: 'п. 5', italic: true }, { text: '.' }] }])).toBe('См. _п. 5_.');
  });
});
