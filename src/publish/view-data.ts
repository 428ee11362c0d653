import type { DocumentStatus, EditionInterval, EditionState } from '../model/editions.ts';
import type { FileCommit } from '../analysis/git-history.ts';
import type { ReviewBasis, ReviewState } from '../model/review.ts';
import type { Section } from '../model/edition-sections.ts';
import type { Appendix, Edition, Principle } from '../schemas/document.ts';
import type { AccessLevel, DocumentType, Role, Synonym, Term, Unit } from '../schemas/registries.ts';
import type { Standard } from '../schemas/standard.ts';
import type { RenderedBody } from '../render/render-body.ts';
import type { ReferenceIndex } from '../analysis/resolve.ts';

/**
 * The published view: everything a page may show, and nothing else. It is made once per build
 * (src/publish/publish.ts), after the check and the publication decision, and is handed over to the
 * pages in memory (src/publish/snapshot.ts, read by src/site/view.ts). Plain data: no files, positions
 * or checker state; one edition may be reached by several paths (a document's `editions` and its
 * `status`), which the hand-over in memory keeps as one object.
 */

export interface ViewEdition extends RenderedBody {
  /** `pt-035/1.0`. */
  id: string;
  data: Edition;
  /** Source file as the author sees it (content-root relative, with the root's name). */
  path: string;
  state: EditionState;
  from?: string;
  until?: string;
  interval?: EditionInterval;
  /** The body split at headings, for the «что изменилось» pages. */
  sections: Section[];
  /** Review date of this edition (nextReview, its period or its type's), if any; «На дату» judges dates with it. */
  reviewBy?: string;
  /** Commits that changed the edition's file, newest first, each with its address; absent without Git history. */
  commits?: ViewCommit[];
}

export interface ViewCommit extends FileCommit {
  url: string;
  /** The commit also changed a file this audience may not read: its subject and author are empty here. */
  withheld?: boolean;
}

/** The review a document owes at the build's date (src/model/review.ts). */
export interface ViewReview {
  version: string;
  by: string;
  basis: ReviewBasis;
  months?: number;
  state: ReviewState;
}

/** A suspect reference between published documents (src/model/suspects.ts). */
export interface ViewSuspect {
  citing: string;
  citingVersion: string;
  cited: string;
  /** Edition of the cited document the citing edition was reviewed against; `declared` when written in reviewedAgainst. */
  against: string;
  declared: boolean;
  /** Edition of the cited document in force now, and since when. */
  current: string;
  since: string;
  /** Change summaries of the editions after `against`, oldest first. */
  changes: { version: string; changes: string }[];
}

export interface ViewAppendix extends RenderedBody {
  id: string;
  data: Appendix;
  path: string;
}

export interface DocumentData {
  code: string;
  slug: string;
  folder: string;
  /** Published editions only, oldest version first, with their state at the build date. */
  editions: ViewEdition[];
  /**
   * The document at the build date, over its published editions (the timeline's editions are those of
   * `editions`): the edition its address shows (`shown`), the one in force, the one to come, its state
   * and cancellation. Computed once, by the model (src/model/editions.ts), and carried as it is.
   */
  status: DocumentStatus<ViewEdition>;
  appendices: ViewAppendix[];
  /** Published documents whose published text cites this one. */
  citedBy: string[];
  /** Periodic review at the build's date; absent for cancelled documents and without a review period. */
  review?: ViewReview;
}

export interface SiteData {
  config: { site: string; audience: string; repository: { url: string; branch: string; blobPath: string } };
  date: string;
  /** Codes of documents above the audience: cited by code only, never by title or text. */
  restricted: string[];
  types: DocumentType[];
  units: Unit[];
  accessLevels: AccessLevel[];
  /** Roles and terms defined in published documents. */
  roles: Role[];
  terms: Term[];
  /** Groups of equivalent words (registries/synonyms.json) that search adds to the pages holding one of them. */
  synonyms: Synonym[];
  standards: Standard[];
  /** Who cites what, between published texts only. */
  references: ReferenceIndex;
  /** Quality and audit records the audience may read, by kind (`audit-program`…). */
  records: Record<string, unknown[]>;
  auditsPublished: boolean;
  /** Content components that place a page's worth of data, and the published appendix that shows each. */
  componentHomes: Record<string, { code: string; number: number; title: string }>;
  /** Citing editions in force whose cited document has a newer edition in force (page «Требуют пересмотра»). */
  suspects: ViewSuspect[];
  /** Whether the build read the Git history of the content files. */
  gitHistory: boolean;
  /** ISO 9001:2015 clause → codes of published documents in force citing it in prose (the clause matrix). */
  qmsClauseCitations: Record<string, string[]>;
  /** Principles and directions of each published policy, as the edition its address shows defines them. */
  principles: Record<string, Principle[]>;
  /**
   * Old addresses of published documents (registries/legacy-urls.json): the path a redirect matches and,
   * when the old address had one, its query (`ID=35`, as sent); the document and edition it leads to.
   */
  legacy: Array<{ from: string; path: string; query?: string; code: string; version?: string }>;
}
