import { blockText, type Block, type Removal } from './blocks.ts';

const ENDS_SENTENCE = /[.!?…:;»"")]\s*$/;
const STARTS_LOWER = /^[«"(]?[а-яёa-z]/;

/**
 * A sentence split by a page break (a removed header between its halves) reads as one again: the
 * paragraph before the break does not end a sentence and the one after starts in lower case.
 * Breaks are dropped afterwards; they only served to find these joins.
 */
export function rejoinSentences(blocks: Block[]): { blocks: Block[]; removals: Removal[] } {
  const out: Block[] = [];
  const removals: Removal[] = [];
  let sawBreak = false;
  for (const block of blocks) {
    if (block.kind === 'break') {
      sawBreak = true;
      continue;
    }
    const prev = out.at(-1);
    if (sawBreak && prev?.kind === 'paragraph' && block.kind === 'paragraph' && !ENDS_SENTENCE.test(blockText(prev)) && STARTS_LOWER.test(blockText(block))) {
      const last = prev.inlines.at(-1)!;
      const [first, ...rest] = block.inlines;
      if (first && !!first.bold === !!last.bold && !!first.italic === !!last.italic) last.text += ` ${first.text}`;
      else if (first) prev.inlines.push({ ...first, text: ` ${first.text}` });
      prev.inlines.push(...rest);
      removals.push({
        line: block.line,
        ...(block.page ? { page: block.page } : {}),
        text: `…${blockText(prev).slice(-60)}`,
        reason: `предложение, разорванное переходом страницы, соединено (со строки ${prev.line})`,
      });
    } else out.push(block);
    sawBreak = false;
  }
  return { blocks: out, removals };
}
