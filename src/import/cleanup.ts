import type { SourceDocument } from './blocks.ts';
import { removePageNumbers, removeRepeated } from './artefacts.ts';
import { rejoinSentences } from './rejoin.ts';

/** Artefact removal in order: running headers by repetition, page numbers, then rejoining split sentences. */
export function artefactsRemoved(doc: SourceDocument): SourceDocument {
  const repeated = removeRepeated(doc.blocks);
  const numbers = removePageNumbers(repeated.blocks);
  const joined = rejoinSentences(numbers.blocks);
  const removals = [...doc.removals, ...repeated.removals, ...numbers.removals, ...joined.removals].sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line);
  return { ...doc, blocks: joined.blocks, removals };
}
