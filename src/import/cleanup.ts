import type { Block, SourceDocument } from './blocks.ts';
import { removePageNumbers, removeInvisibleAndPrompts, removeRepeated } from './artefacts.ts';
import { rejoinSentences } from './rejoin.ts';

/** Artefact removal in order: running headers by repetition, page numbers, rejoining split sentences, then invisible characters and Word's form prompts. */
export function artefactsRemoved(doc: SourceDocument): SourceDocument {
  // A word processor's page headers, footers and numbers are parts of their own, never paragraphs of the text; a
  // PDF's are found by their place on the page (pdf-running.ts). Only an export's text has them among its paragraphs.
  const paged = !PAGES_KNOWN.has(doc.format);
  const repeated = removeRepeated(doc.blocks, !paged);
  const numbers = removePageNumbers(repeated.blocks, !paged);
  const joined = rejoinSentences(numbers.blocks);
  const leftovers = removeInvisibleAndPrompts(mergeLists(joined.blocks));
  const removals = [...doc.removals, ...repeated.removals, ...numbers.removals, ...joined.removals, ...leftovers.removals].sort(
    (a, b) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line,
  );
  return { ...doc, blocks: leftovers.blocks, removals };
}

const PAGES_KNOWN = new Set<SourceDocument['format']>(['docx', 'odt', 'doc', 'rtf', 'pdf']);

/** Neighbouring list blocks of one kind are one list (DOCX check boxes arrive a paragraph each). */
function mergeLists(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out.at(-1);
    if (b.kind === 'list' && prev?.kind === 'list' && prev.ordered === b.ordered) prev.items.push(...b.items);
    else out.push(b);
  }
  return out;
}
