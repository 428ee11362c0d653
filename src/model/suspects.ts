import { compareNatural, parseCode } from '../lib/codes.ts';
import type { AppendixEntry, DocumentEntry, EditionEntry } from './corpus.ts';
import { documentStatus, editionIntervals } from './editions.ts';
import type { FieldPath } from './parsed.ts';

/**
 * Suspect references (ISO 9001:2015, 7.5.3.2 c — control of changes): a citing edition was written or
 * reviewed against one edition of a cited document, and a newer edition of it is now in force. The
 * pairs are computed once here; the checker reports them (`ref/suspect`) and the publish step shows them.
 */

/** Where the citing text names the cited document: a place in a body, or a field of the edition's data. */
export type CitationPlace = { entry: EditionEntry | AppendixEntry; offset: number } | { entry: EditionEntry; field: FieldPath };

export interface SuspectPair {
  /** The citing document and its edition in force. */
  citing: string;
  citingEdition: EditionEntry;
  /** The cited document. */
  cited: string;
  /** The edition of the cited document the citing one was reviewed against. */
  against: string;
  /** Whether `against` is written in `reviewedAgainst` or taken from the approval date. */
  declared: boolean;
  /** The cited document's edition in force at the date, newer than `against`. */
  current: EditionEntry;
  /** Editions after `against` up to the one in force, oldest first: their change summaries. */
  newer: EditionEntry[];
  /** Every citation, body places first in file order, then data fields. */
  places: CitationPlace[];
}

/** Codes a citing edition names (prose of the edition and its document's appendices, `references`), with where. */
function citationsOf(doc: DocumentEntry, edition: EditionEntry): Map<string, CitationPlace[]> {
  const found = new Map<string, CitationPlace[]>();
  const add = (code: string, place: CitationPlace) => {
    if (code === doc.code) return;
    const list = found.get(code) ?? [];
    list.push(place);
    found.set(code, list);
  };
  for (const entry of [edition, ...doc.appendices]) {
    for (const ref of entry.source.extracted?.refs ?? []) if (ref.kind === 'code') add(`${ref.prefix}-${ref.number}`, { entry, offset: ref.offset });
  }
  edition.data.references.forEach((reference, index) => {
    const code = parseCode(reference.cite)?.code;
    if (code) add(code, { entry: edition, field: ['references', index, 'cite'] });
  });
  return found;
}

/** The edition the citing one was reviewed against: written in `reviewedAgainst`, else in force on its approval date, else the first. */
function baseline(citing: EditionEntry, cited: DocumentEntry): { version: string; declared: boolean } | undefined {
  const written = citing.data.reviewedAgainst?.[cited.code];
  if (written) return { version: written, declared: true };
  const approved = citing.data.approved ?? citing.data.effective;
  const inForce = approved ? documentStatus(cited.editions, approved).current?.edition : undefined;
  const first = [...editionIntervals(cited.editions).keys()][0];
  const version = (inForce ?? first)?.data.version;
  return version ? { version, declared: false } : undefined;
}

/** Every suspect pair at `date`, for the editions in force that cite another document. Sorted by citing, then cited code. */
export function suspectReferences(documents: readonly DocumentEntry[], date: string): SuspectPair[] {
  const byCode = new Map(documents.map((d) => [d.code, d]));
  const current = new Map<string, EditionEntry | undefined>();
  const currentOf = (doc: DocumentEntry) => {
    if (!current.has(doc.code)) current.set(doc.code, documentStatus(doc.editions, date).current?.edition);
    return current.get(doc.code);
  };
  const pairs: SuspectPair[] = [];
  for (const doc of documents) {
    const citingEdition = currentOf(doc);
    if (!citingEdition) continue;
    for (const [code, places] of citationsOf(doc, citingEdition)) {
      const cited = byCode.get(code);
      const inForce = cited && currentOf(cited);
      if (!cited || !inForce) continue;
      const against = baseline(citingEdition, cited);
      if (!against || compareNatural(inForce.data.version, against.version) <= 0) continue;
      const newer = [...editionIntervals(cited.editions).keys()].filter(
        (e) => compareNatural(e.data.version, against.version) > 0 && compareNatural(e.data.version, inForce.data.version) <= 0,
      );
      pairs.push({ citing: doc.code, citingEdition, cited: code, against: against.version, declared: against.declared, current: inForce, newer, places });
    }
  }
  return pairs.sort((a, b) => compareNatural(a.citing, b.citing) || compareNatural(a.cited, b.cited));
}

/** The change summaries of the newer editions, as a message or a page quotes them. */
export const changeSummary = (pair: SuspectPair): string => pair.newer.map((e) => `${e.data.version}: ${e.data.changes.replace(/[.\s]+$/, '')}`).join('; ');
