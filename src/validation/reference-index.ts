import { location } from 'vfile-location';
import type { Corpus } from '../model/corpus.ts';
import { resolveStandard, type Lookup } from '../model/lookup.ts';
import type { Extracted } from './extract.ts';

/** One citation: who cites (document code and entry) what, and where in the source. */
export interface Citation {
  from: string;
  entry: string;
  file: string;
  line: number;
  text: string;
}

/** What cites what: `documents[code]` and `standards[id]` list their citations. */
export interface ReferenceIndex {
  documents: Record<string, Citation[]>;
  standards: Record<string, Citation[]>;
}

export function buildReferenceIndex(corpus: Corpus, lookup: Lookup, extracted: Map<string, Extracted>): ReferenceIndex {
  const index: ReferenceIndex = { documents: {}, standards: {} };
  const add = (bucket: Record<string, Citation[]>, key: string, citation: Citation) => {
    (bucket[key] ??= []).push(citation);
  };
  for (const doc of corpus.documents) {
    for (const entry of [...doc.editions, ...doc.appendices]) {
      const found = extracted.get(entry.id);
      if (!found) continue;
      const place = location(entry.file);
      const lineOf = (offset: number) => place.toPoint(offset)?.line ?? 1;
      for (const ref of found.refs) {
        const citation = { from: doc.code, entry: entry.id, file: entry.file.path, line: lineOf(ref.offset), text: ref.raw };
        if (ref.kind === 'code') {
          const code = `${ref.prefix}-${ref.number}`;
          if (code !== doc.code && lookup.documents.has(code)) add(index.documents, code, citation);
        } else if (ref.kind === 'standard') {
          const id = resolveStandard(lookup, ref.designation);
          if (id) add(index.standards, id, citation);
        }
      }
    }
    const latest = doc.editions.at(-1);
    for (const reference of latest?.data.references ?? []) {
      const id = resolveStandard(lookup, reference.cite);
      const citation = { from: doc.code, entry: latest?.id ?? '', file: latest?.file.path ?? '', line: 1, text: reference.cite };
      if (id) add(index.standards, id, citation);
      else if (lookup.documents.has(reference.cite) && reference.cite !== doc.code) add(index.documents, reference.cite, citation);
    }
  }
  return index;
}
