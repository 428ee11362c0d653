import type { VFile } from 'vfile';
import type { Appendix, Edition } from '../schemas/document.ts';
import type { AccessLevel, DocumentType, Role, Term, Unit } from '../schemas/registries.ts';
import type { Standard } from '../schemas/standard.ts';
import type { Suggestion } from '../lib/did-you-mean.ts';
import type { FieldPath, Locator, ParsedMdx, ParseProblem } from './parsed.ts';

/**
 * The content as the checker and the publish step see it: every file read, with where each value is.
 * The shapes only; src/analysis/load.ts reads a content root into them.
 */

/** A value read from a file, with what is needed to point at any of its fields. */
export interface Located<T> {
  data: T;
  file: VFile;
  locate: Locator;
  /** Path of this value inside its file (`['items', 3]` for a registry entry). */
  at: FieldPath;
}

export interface EditionEntry extends Located<Edition> {
  /** Folder name under documents/ (`pt-035`). */
  folder: string;
  /** Content collection id, `pt-035/1.0`. */
  id: string;
  source: ParsedMdx;
}

export interface AppendixEntry extends Located<Appendix> {
  folder: string;
  id: string;
  source: ParsedMdx;
}

export interface DocumentEntry {
  folder: string;
  /** Code of the newest edition (all editions must agree; a rule checks). */
  code: string;
  editions: EditionEntry[];
  appendices: AppendixEntry[];
}

/** Any problem found while loading: unreadable file, syntax, schema. Rules add the rest. */
export interface LoadProblem {
  file: VFile;
  /** The load-time rule that found it (each is a module of src/validation/rules). */
  ruleId: ParseProblem['ruleId'] | 'syntax/file' | 'content/unknown-file' | 'schema/invalid';
  reason: string;
  offset?: number;
  place?: { line: number; column: number };
  /** The did-you-mean of the message as data (a quick fix), when it has one. */
  suggestion?: Suggestion;
}

/** JSON records of kinds other modules register (audits…), keyed by kind. */
export type RecordsByKind = Map<string, Located<unknown>[]>;

export interface Corpus {
  root: string;
  files: VFile[];
  types: Located<DocumentType>[];
  units: Located<Unit>[];
  roles: Located<Role>[];
  terms: Located<Term>[];
  accessLevels: Located<AccessLevel>[];
  standards: Located<Standard>[];
  documents: DocumentEntry[];
  records: RecordsByKind;
  problems: LoadProblem[];
}
