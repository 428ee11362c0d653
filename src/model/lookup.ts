import path from 'node:path';
import { codeSlug } from '../lib/codes.ts';
import type { Role, Term, Unit, AccessLevel, DocumentType } from '../schemas/registries.ts';
import type { Clause, Standard } from '../schemas/standard.ts';
import type { Corpus, DocumentEntry, Located } from './corpus.ts';
import { classify, meantPath } from './file-kinds.ts';

/** Fast lookups over a loaded corpus: what each reference may resolve to. */
export interface Lookup {
  documents: Map<string, DocumentEntry>;
  /**
   * Every document of the corpus, in the corpus' order — also when a rule is given only part of the
   * corpus (the language server re-runs document rules on the edited document): what exists on the site.
   */
  corpusDocuments: readonly DocumentEntry[];
  /**
   * Folders under documents/ whose editions are there but could not be read (syntax, encoding,
   * schema): the document exists, and its file's own error says why it is missing from `documents`.
   */
  unreadable: Set<string>;
  /** Appendix files that could not be read, as `<folder>/<number>` from the file name (`pt-035/1`). */
  unreadableAppendices: Set<string>;
  /**
   * Registries whose file could not be read (`units`, `roles`, `terms`, `access-levels`,
   * `document-types`), `standards` when a file of the standards catalog could not, `audits` when an
   * audit record could not: what they hold is missing here, so references into them are not checked
   * until the file is fixed.
   */
  unreadableCatalogs: Set<string>;
  types: Map<string, DocumentType>;
  units: Map<string, Located<Unit>>;
  roles: Map<string, Located<Role>>;
  terms: Map<string, Located<Term>>;
  accessLevels: Map<string, AccessLevel>;
  standards: Map<string, Located<Standard>>;
  /** «ISO 9001:2015», «ГОСТ Р ИСО 9001-2015» (normalised) → standard id. */
  designations: Map<string, string>;
  /** «ISO 9001» (no year) → id of its current edition, else the newest. */
  latest: Map<string, string>;
  clauses: Map<string, Map<string, Clause>>;
}

/** Normalises a standard designation for lookup: ИСО = ISO, spaces and dashes unified. */
export function designationKey(text: string): string {
  return text
    .toUpperCase()
    .replace(/ИСО/g, 'ISO')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/ISO (\d+)-(\d{4})/, 'ISO $1:$2')
    .trim();
}

export function buildLookup(corpus: Corpus): Lookup {
  const first = <K, V>(entries: Iterable<[K, V]>) => {
    const map = new Map<K, V>();
    for (const [k, v] of entries) if (!map.has(k)) map.set(k, v);
    return map;
  };
  const standards = first(corpus.standards.map((s) => [s.data.id, s] as [string, Located<Standard>]));
  const designations = new Map<string, string>();
  const latest = new Map<string, string>();
  for (const { data } of corpus.standards) {
    designations.set(designationKey(data.designation), data.id);
    for (const eq of data.equivalents) designations.set(designationKey(eq.designation), data.id);
    const undated = designationKey(`${data.body} ${data.number}`);
    const previous = latest.get(undated);
    const prevData = previous ? standards.get(previous)?.data : undefined;
    const better = !prevData || (data.status === 'current' && prevData.status !== 'current') || (data.status === prevData.status && data.year > prevData.year);
    if (better) latest.set(undated, data.id);
  }
  return {
    documents: first(corpus.documents.map((d) => [d.code, d] as [string, DocumentEntry])),
    corpusDocuments: corpus.documents,
    ...unreadableOf(corpus),
    types: first(corpus.types.map((t) => [t.data.prefix, t.data] as [string, DocumentType])),
    units: first(corpus.units.map((u) => [u.data.id, u] as [string, Located<Unit>])),
    roles: first(corpus.roles.map((r) => [r.data.id, r] as [string, Located<Role>])),
    terms: first(corpus.terms.map((t) => [t.data.id, t] as [string, Located<Term>])),
    accessLevels: first(corpus.accessLevels.map((a) => [a.data.id, a.data] as [string, AccessLevel])),
    standards,
    designations,
    latest,
    clauses: new Map(corpus.standards.map((s) => [s.data.id, new Map(s.data.clauses.map((c) => [c.number, c]))])),
  };
}

/**
 * A code names a document: one that was read, or one whose every edition failed to read. A reference to
 * the latter is not reported as dangling: the author fixes the one error at that file, not one at every
 * page that cites the document (a quote left open in ПТ-035's properties gave 89 such errors).
 */
export function documentExists(lookup: Lookup, code: string): boolean {
  return lookup.documents.has(code) || unreadableDocument(lookup, code);
}

/** The document of this code is there, but none of its editions could be read. */
export function unreadableDocument(lookup: Lookup, code: string): boolean {
  // Its appendices alone make an entry without editions, named after the folder («PT-035»).
  return !lookup.documents.get(code)?.editions.length && lookup.unreadable.has(codeSlug(code));
}

/**
 * What is there but could not be read, from the load problems, each file known by its kind
 * (file-kinds.ts): document folders whose editions all failed; appendix files, numbered by file name;
 * and, when a JSON file did not even parse (an entry the schema refuses still leaves the rest), its
 * registry by name, the standards catalog as `standards` and the audit records as `audits`. A misnamed
 * file (`Units.json`, `1.0.MDX`) counts as the one it was meant to be (`meantPath`).
 */
function unreadableOf(corpus: Corpus): Pick<Lookup, 'unreadable' | 'unreadableAppendices' | 'unreadableCatalogs'> {
  // A folder whose editions all failed still has an entry when its appendices were read: it has no editions.
  const read = new Set(corpus.documents.filter((d) => d.editions.length > 0).map((d) => d.folder));
  const found = { unreadable: new Set<string>(), unreadableAppendices: new Set<string>(), unreadableCatalogs: new Set<string>() };
  for (const problem of corpus.problems) {
    const written = path.relative(corpus.root, problem.file.path).split(path.sep).join('/');
    // A file misnamed (`1.0.MDX`) counts as the file it was meant to be: its error says so, once.
    const rel = problem.ruleId === 'content/unknown-file' ? (meantPath(written) ?? written) : written;
    const kind = classify(rel)?.kind;
    const [top, folder = '', , file = ''] = rel.split('/');
    const number = /^(\d+)\.mdx$/.exec(file)?.[1];
    if (kind === 'edition' && !read.has(folder)) found.unreadable.add(folder);
    else if (kind === 'appendix' && number) found.unreadableAppendices.add(`${folder}/${Number(number)}`);
    else if (kind && (problem.ruleId.startsWith('syntax/') || rel !== written)) {
      const catalog = top === 'registries' ? kind : top === 'standards' || top === 'audits' ? top : undefined;
      if (catalog) found.unreadableCatalogs.add(catalog);
    }
  }
  return found;
}

/** Resolves «ISO 9001:2015», «ISO 9000», «ГОСТ Р ИСО 9001-2015» to a catalog id, or undefined. */
export function resolveStandard(lookup: Lookup, designation: string): string | undefined {
  let cache = resolved.get(lookup);
  if (!cache) resolved.set(lookup, (cache = new Map()));
  if (cache.has(designation)) return cache.get(designation);
  const key = designationKey(designation);
  const id = lookup.designations.get(key) ?? lookup.latest.get(key);
  cache.set(designation, id);
  return id;
}

/** A corpus writes the same few designations thousands of times: each is normalised once per lookup. */
const resolved = new WeakMap<Lookup, Map<string, string | undefined>>();
