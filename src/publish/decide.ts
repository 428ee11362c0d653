import { legacyPath, legacyQuery, type LegacyUrlsFile } from '../schemas/legacy-urls.ts';
import type { SiteConfig } from '../lib/config.ts';
import type { AppendixEntry, Corpus, DocumentEntry, EditionEntry } from '../model/corpus.ts';
import { documentStatus, type DocumentStatus, type EditionTimeline } from '../model/editions.ts';
import type { GitHistory } from '../analysis/git-history.ts';
import type { Lookup } from '../model/lookup.ts';
import type { LinkTarget } from '../render/link-references.ts';
import type { Role, Term } from '../schemas/registries.ts';
import type { Standard } from '../schemas/standard.ts';
import type { SiteData, ViewCommit, ViewSuspect } from './view-data.ts';
import type { CheckResult } from '../validation/check.ts';
import type { ReferenceIndex } from '../analysis/resolve.ts';
import { decideAccess, entryFile, type Access } from './access.ts';
import { audienceDocuments, authorsLinkTarget, fileCommits, repositoryPath } from './audience.ts';
import { publishedReferences, publishedSuspects, qmsClauseCitations, type CitationSource } from './citations.ts';

/** Audit records name people and findings: internal. A build for a wider audience publishes none. */
export const AUDIT_RECORDS_ACCESS = 'internal';
/** Records that belong to the policy's appendices and follow it. */
const APPENDIX_RECORDS = ['quality-standard', 'qms-map'];

/** A published document as the audience may read it, with its state at the build date, computed once. */
export interface PublishedDocument {
  /** Editions within the audience, appendices of the published document (refused files included: see `isPublishedFile`). */
  entry: DocumentEntry;
  status: DocumentStatus<EditionEntry>;
  /** The edition the document's address shows (`status.shown`): a published document has one. */
  shown: EditionTimeline<EditionEntry>;
}

/**
 * Every decision about what the audience sees, made once from the checked corpus: the projections
 * (site data, document data, keys) only read it. Nothing here is rendered yet.
 */
export interface Publication {
  config: SiteConfig;
  date: string;
  /** Which documents are published or restricted, which files are visible and rendered. */
  access: Access;
  lookup: Lookup;
  /** The corpus as the audience may read it: published documents, visible editions and appendices only. */
  corpus: Corpus;
  /** Published documents, in the corpus' order. */
  documents: PublishedDocument[];
  byCode: ReadonlyMap<string, PublishedDocument>;
  /** The file whose text the build renders and publishes (not refused). */
  isPublishedFile(entry: EditionEntry | AppendixEntry): boolean;
  /** The entry's file as the repository names it (`content/documents/…`). */
  sourcePath(entry: EditionEntry | AppendixEntry): string;
  /** Commits of a content-root-relative file, withheld where they touched what the audience may not read. */
  commitsOf(entry: EditionEntry | AppendixEntry): ViewCommit[] | undefined;
  /** Roles and terms defined in published documents. */
  roles: Role[];
  terms: Term[];
  auditsPublished: boolean;
  /** Records the audience may read, by kind: audit records only for an audience that may read them. */
  records: Record<string, unknown[]>;
  /** The catalogue; control of external documents (holder, place, licence) is internal, like audit records. */
  standards: Standard[];
  references: ReferenceIndex;
  suspects: ViewSuspect[];
  qmsClauseCitations: Record<string, string[]>;
  /** Old addresses of published documents only: others are never named. */
  legacy: SiteData['legacy'];
  /** Where an author's own link leads when it names a document or edition above the audience. */
  linkTarget: LinkTarget;
  history: GitHistory | undefined;
}

/** The one place that decides what the audience sees (README «Что видит каждая аудитория»). */
export function decide(checked: CheckResult, config: SiteConfig, history?: GitHistory): Publication {
  const date = config.buildDate;
  const access = decideAccess(checked, config.audience, date);
  const fileOf = filesOf(checked.corpus.documents);
  const isPublishedFile = (entry: EditionEntry | AppendixEntry) => access.files.has(fileOf(entry));
  // Every status, citation, date and list below is computed from this corpus, so a hidden document or
  // edition cannot shift a public page.
  const corpus: Corpus = { ...checked.corpus, documents: audienceDocuments(checked.corpus.documents, access, fileOf) };
  const documents = corpus.documents.map((entry): PublishedDocument => {
    const status = documentStatus(entry.editions, date);
    return { entry, status, shown: status.shown! };
  });
  const repoPath = repositoryPath(config, history);
  const sourcePath = (entry: EditionEntry | AppendixEntry) => repoPath(fileOf(entry));
  const commits = fileCommits(history, access.visible, config.repository);
  const published = access.published;
  const source: CitationSource = { corpus, lookup: checked.lookup, extracted: checked.extracted, published, isPublishedFile };
  const readable = audienceRecords(corpus, checked.lookup, access);
  return {
    config,
    date,
    access,
    lookup: checked.lookup,
    corpus,
    documents,
    byCode: new Map(documents.map((d) => [d.entry.code, d])),
    isPublishedFile,
    sourcePath,
    commitsOf: (entry) => (history?.available ? commits(fileOf(entry)) : undefined),
    roles: readable.roles,
    terms: readable.terms,
    auditsPublished: readable.auditsPublished,
    records: readable.records,
    standards: corpus.standards.map(({ data: { control, ...data } }) => (readable.auditsPublished && control ? { ...data, control } : data)),
    references: publishedReferences(source, sourcePath),
    suspects: publishedSuspects(source, date),
    qmsClauseCitations: qmsClauseCitations(source, documents),
    legacy: legacyAddresses(corpus, published),
    linkTarget: authorsLinkTarget(checked.corpus.documents, access, corpus.documents),
    history,
  };
}

/** Each edition's and appendix's content-root-relative file (`documents/pt-035/editions/1.0.mdx`). */
function filesOf(documents: readonly DocumentEntry[]): (entry: EditionEntry | AppendixEntry) => string {
  const files = new Map<EditionEntry | AppendixEntry, string>();
  for (const doc of documents) for (const entry of [...doc.editions, ...doc.appendices]) files.set(entry, entryFile(doc, entry));
  return (entry) => files.get(entry) ?? '';
}

/**
 * What of the registries and records an audience reads: roles and terms defined in its published documents,
 * the appendices' records, and audit records only for an audience that may read them. The published view
 * and the check's per-audience sites (src/site/audience-pages.ts) both take them from here.
 */
export function audienceRecords(
  corpus: Pick<Corpus, 'roles' | 'terms' | 'records'>,
  lookup: Pick<Lookup, 'accessLevels'>,
  access: Pick<Access, 'audience' | 'published'>,
): Pick<Publication, 'roles' | 'terms' | 'auditsPublished' | 'records'> {
  const auditsPublished = (access.audience?.rank ?? -1) >= (lookup.accessLevels.get(AUDIT_RECORDS_ACCESS)?.rank ?? Infinity);
  return {
    roles: corpus.roles.map((r) => r.data).filter((r) => access.published.has(r.definedIn)),
    terms: corpus.terms.map((t) => t.data).filter((t) => access.published.has(t.definedIn)),
    auditsPublished,
    records: publishedRecords(corpus, auditsPublished),
  };
}

function publishedRecords(corpus: Pick<Corpus, 'records'>, auditsPublished: boolean): Record<string, unknown[]> {
  const records: Record<string, unknown[]> = {};
  for (const [kind, list] of corpus.records) {
    if (auditsPublished || APPENDIX_RECORDS.includes(kind)) records[kind] = list.map((r) => r.data);
  }
  return records;
}

function legacyAddresses(corpus: Corpus, published: ReadonlySet<string>): SiteData['legacy'] {
  return (corpus.records.get('legacy-urls') ?? [])
    .flatMap((r) => (r.data as LegacyUrlsFile).redirects)
    .filter((r) => published.has(r.code))
    .map((r) => {
      const query = legacyQuery(r.from);
      return { from: r.from, path: legacyPath(r.from), ...(query ? { query } : {}), code: r.code, ...(r.version ? { version: r.version } : {}) };
    });
}
