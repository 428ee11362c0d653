import type { AppendixEntry, Corpus, EditionEntry } from '../model/corpus.ts';
import type { Lookup } from '../model/lookup.ts';
import { QMS_STANDARD } from '../model/quality-records.ts';
import { suspectReferences } from '../model/suspects.ts';
import type { Extracted } from '../model/parsed.ts';
import { buildReferenceIndex, type Citation, type ReferenceIndex } from '../analysis/resolve.ts';
import { standardCitations } from '../analysis/resolve.ts';
import type { ViewSuspect } from './view-data.ts';
import type { PublishedDocument } from './decide.ts';

/** What the citation decisions read: the audience's corpus and which of its texts are published. */
export interface CitationSource {
  corpus: Corpus;
  lookup: Lookup;
  extracted: Map<string, Extracted>;
  published: ReadonlySet<string>;
  isPublishedFile: (entry: EditionEntry | AppendixEntry) => boolean;
}

/**
 * The reference index between published texts only: neither a hidden citing text nor a hidden cited
 * document; each citation names its file as the repository does.
 */
export function publishedReferences(source: CitationSource, sourcePath: (entry: EditionEntry | AppendixEntry) => string): ReferenceIndex {
  const entries = new Map<string, EditionEntry | AppendixEntry>();
  for (const doc of source.corpus.documents) {
    for (const entry of [...doc.editions, ...doc.appendices]) if (source.isPublishedFile(entry)) entries.set(entry.id, entry);
  }
  const index = buildReferenceIndex(source.corpus, source.lookup, source.extracted);
  const keep = (bucket: Record<string, Citation[]>, keyPublished: (key: string) => boolean) =>
    Object.fromEntries(
      Object.entries(bucket)
        .filter(([key]) => keyPublished(key))
        .map(([key, citations]) => {
          const kept = citations.filter((c) => source.published.has(c.from) && entries.has(c.entry));
          return [key, kept.map((c) => ({ ...c, file: sourcePath(entries.get(c.entry)!) }))] as const;
        })
        .filter(([, citations]) => citations.length > 0),
    );
  return { documents: keep(index.documents, (code) => source.published.has(code)), standards: keep(index.standards, () => true) };
}

/** Suspect references whose citing edition and the cited editions are all published. */
export function publishedSuspects(source: CitationSource, date: string): ViewSuspect[] {
  const { published, isPublishedFile } = source;
  return suspectReferences(source.corpus.documents, date)
    .filter((p) => published.has(p.citing) && published.has(p.cited) && isPublishedFile(p.citingEdition) && isPublishedFile(p.current))
    .filter((p) => p.newer.every(isPublishedFile))
    .map((p) => ({
      citing: p.citing,
      citingVersion: p.citingEdition.data.version,
      cited: p.cited,
      against: p.against,
      declared: p.declared,
      current: p.current.data.version,
      since: p.current.data.effective ?? '',
      changes: p.newer.map((e) => ({ version: e.data.version, changes: e.data.changes })),
    }));
}

/** Clause of ISO 9001:2015 → codes of published documents in force whose edition in force or appendices cite it (the clause matrix). */
export function qmsClauseCitations(source: CitationSource, documents: readonly PublishedDocument[]): Record<string, string[]> {
  const inForce = new Map<string, string>();
  for (const { entry: doc, status } of documents) {
    const current = status.current?.edition;
    if (current && source.isPublishedFile(current)) {
      for (const entry of [current, ...doc.appendices.filter(source.isPublishedFile)]) inForce.set(entry.id, doc.code);
    }
  }
  const byClause = new Map<string, Set<string>>();
  for (const { entry, id, clause } of standardCitations(source)) {
    const code = inForce.get(entry.id);
    if (id !== QMS_STANDARD || !clause || !code) continue;
    byClause.set(clause, (byClause.get(clause) ?? new Set()).add(code));
  }
  return Object.fromEntries(
    [...byClause].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([clause, codes]) => [clause, [...codes].sort()]),
  );
}
