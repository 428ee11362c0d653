import { location } from 'vfile-location';
import type { AppendixEntry, Corpus, DocumentEntry, EditionEntry } from '../model/corpus.ts';
import { resolveStandard, type Lookup } from '../model/lookup.ts';
import type { Extracted, ProseRef } from '../model/parsed.ts';
import type { Clause, Standard } from '../schemas/standard.ts';
import { entries, type Analysed } from './entries.ts';

/** A bare «п. 9.2» belongs to the standard named last before it, else the document's first cited one, else this. */
const DEFAULT_STANDARD = 'iso-9001-2015';

export interface StandardCitation {
  entry: EditionEntry | AppendixEntry;
  ref: ProseRef;
  id: string | undefined;
  clause: string | undefined;
}

/**
 * Every standard and clause cited in prose, resolved once: the standard's catalog id (undefined when
 * unknown) and the clause, if any. `ref/unknown-standard`, `ref/unknown-clause`, `ref/unverified-clause`,
 * `ref/withdrawn-standard` and the publish step read it; the list is computed once per check.
 */
export function standardCitations(context: Analysed & { lookup: Lookup }): readonly StandardCitation[] {
  const cached = computed.get(context.extracted);
  if (cached?.lookup === context.lookup && cached.corpus === context.corpus) return cached.list;
  const list: StandardCitation[] = [];
  for (const { doc, entry, extracted } of entries(context)) {
    const resolve = clauseResolver(context.lookup, doc, headingNumbers(extracted.headings));
    for (const ref of extracted.refs) {
      const found = resolve(ref);
      if (found && found !== 'own') list.push({ entry, ref, id: found.id, clause: found.clause });
    }
  }
  computed.set(context.extracted, { corpus: context.corpus, lookup: context.lookup, list });
  return list;
}

const computed = new WeakMap<object, { corpus: object; lookup: Lookup; list: StandardCitation[] }>();

/** «3.1 Роли» → 3.1: the numbers of a text's own sections, which a bare «п. 3.1» means first. */
export function headingNumbers(headings: ReadonlyArray<{ text: string }>): Map<string, number> {
  const numbers = new Map<string, number>();
  headings.forEach((h, index) => {
    const number = /^(\d+(?:\.\d+)*)\.?\s/.exec(h.text)?.[1];
    if (number && !numbers.has(number)) numbers.set(number, index);
  });
  return numbers;
}

/**
 * Resolves a text's standard and clause references in reading order, as the checker and the renderer
 * both must: a standard sets the context; a bare clause is one of the text's own sections, else a
 * clause of the standard named last, else of the document's first cited standard, else of ISO 9001:2015.
 */
export function clauseResolver(lookup: Lookup, doc: Pick<DocumentEntry, 'editions'>, own: ReadonlyMap<string, number>) {
  const firstCited = doc.editions
    .at(-1)
    ?.data.references.map((r) => resolveStandard(lookup, r.cite))
    .find(Boolean);
  let current: string = firstCited ?? DEFAULT_STANDARD;
  return (ref: ProseRef): { id: string | undefined; clause: string | undefined } | 'own' | undefined => {
    if (ref.kind === 'standard') {
      const id = resolveStandard(lookup, ref.designation);
      if (id) current = id;
      return { id, clause: ref.clause };
    }
    if (ref.kind === 'clause') return own.has(ref.clause) ? 'own' : { id: current, clause: ref.clause };
    return undefined;
  };
}

/**
 * For a clause deeper than a catalog marked shallow (`depth`), the listed clause it falls under
 * (8.2.2 → 8.2 in ISO 9001:2008, listed to level 2): it cannot be verified, only its branch.
 */
export function unverifiableUnder(standard: Pick<Standard, 'depth' | 'clauses'>, clause: string): Clause | undefined {
  const parts = clause.split('.');
  if (standard.depth === undefined || parts.length <= standard.depth) return undefined;
  const ancestor = parts.slice(0, standard.depth).join('.');
  return standard.clauses.find((c) => c.number === ancestor);
}

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
