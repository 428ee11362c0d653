import { blockText, type Block, type Removal } from './blocks.ts';
import { PAGE_NUMBER_RE } from './pdf-running.ts';

const shape = (text: string) =>
  text
    .replace(/\d+/g, '#')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * Running page headers and footers left inside the text by an export, found by repetition: a
 * paragraph or table that occurs two or more times, word for word (numbers aside), is not content.
 * Each occurrence becomes a page break, so the sentence it split can be rejoined.
 */
export function removeRepeated(blocks: Block[]): { blocks: Block[]; removals: Removal[] } {
  const counts = new Map<string, number>();
  const key = (b: Block) => (b.kind === 'paragraph' || b.kind === 'table' ? shape(blockText(b)) : '');
  for (const b of blocks) {
    const k = key(b);
    if (k.length >= 8 && k.length <= 400) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const removals: Removal[] = [];
  const out = blocks.map((b): Block => {
    const n = counts.get(key(b)) ?? 0;
    if (n < 2) return b;
    removals.push({
      line: b.line,
      ...(b.page ? { page: b.page } : {}),
      text: blockText(b).replace(/\s+/g, ' ').trim(),
      reason: `колонтитул страницы: повторяется ${n} ${n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'раза' : 'раз'}`,
    });
    return { kind: 'break', line: b.line, ...(b.page ? { page: b.page } : {}) };
  });
  return { blocks: out, removals };
}

/** Page numbers that an export left as paragraphs of their own. */
export function removePageNumbers(blocks: Block[]): { blocks: Block[]; removals: Removal[] } {
  const removals: Removal[] = [];
  const out = blocks.map((b): Block => {
    if (b.kind !== 'paragraph' || !PAGE_NUMBER_RE.test(blockText(b))) return b;
    removals.push({ line: b.line, ...(b.page ? { page: b.page } : {}), text: blockText(b), reason: 'номер страницы' });
    return { kind: 'break', line: b.line, ...(b.page ? { page: b.page } : {}) };
  });
  return { blocks: out, removals };
}
