import type { AppendixEntry, Corpus, DocumentEntry, EditionEntry } from '../model/corpus.ts';
import type { Extracted, ProseRef } from '../model/parsed.ts';

/** The corpus with what was extracted from each MDX entry, by entry id (`pt-035/1.0`): what the checker's rules read. */
export interface Analysed {
  corpus: Corpus;
  extracted: Map<string, Extracted>;
}

export interface EntryRefs {
  doc: DocumentEntry;
  entry: EditionEntry | AppendixEntry;
  extracted: Extracted;
}

/** Every MDX entry (editions and appendices) with what was extracted from it. */
export function* entries({ corpus, extracted }: Analysed): Generator<EntryRefs> {
  for (const doc of corpus.documents) {
    for (const entry of [...doc.editions, ...doc.appendices]) {
      const found = extracted.get(entry.id);
      if (found) yield { doc, entry, extracted: found };
    }
  }
}

/** Every prose reference of one kind, with its entry. */
export function* refsOfKind<K extends ProseRef['kind']>(context: Analysed, kind: K) {
  for (const item of entries(context)) {
    for (const ref of item.extracted.refs) if (ref.kind === kind) yield { ...item, ref: ref as Extract<ProseRef, { kind: K }> };
  }
}
