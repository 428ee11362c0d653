import { parseCode } from '../lib/codes.ts';
import { anchors } from '../lib/routes.ts';
import type { Corpus, DocumentEntry } from '../model/corpus.ts';
import type { Lookup } from '../model/lookup.ts';
import { classify } from '../model/file-kinds.ts';

/** What CheckSession knows from its last run, to decide what an edit affects. */
export interface PlanInput {
  /** The corpus of the last run; undefined before the first (everything runs). */
  previous: Corpus | undefined;
  /** What other documents could see of each document at the last run (surfaceOf), by folder. */
  surfaces: ReadonlyMap<string, string>;
  /** Codes each document named at the last run (mentionsOf), by folder. */
  mentions: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every file of the content root, before and after the change (relative paths). */
  rels: Iterable<string>;
  displayPath: (rel: string) => string;
}

export interface RunPlan {
  /** Every rule on every file. */
  full: boolean;
  /** The documents the document rules run on (the affected ones and the policies); undefined when full. */
  view: DocumentEntry[] | undefined;
  /** The same with the documents they cite, for the rules that compare a citation with the cited editions. */
  viewWithCited: DocumentEntry[] | undefined;
  /** Display paths whose document-rule findings are replaced. */
  paths: Set<string>;
  /** Folders of the affected documents, sorted. */
  folders: string[];
  /** Folders of the documents whose files changed. */
  changed: Set<string>;
}

/**
 * Which rules must run where after a change of the files `changed`: everything, or the document rules
 * over a view of the affected documents (the changed ones, and those that cite one whose surface changed).
 */
export function planRun(input: PlanInput, changed: string[], corpus: Corpus, lookup: Lookup): RunPlan {
  const full: RunPlan = {
    full: true,
    view: undefined,
    viewWithCited: undefined,
    paths: new Set<string>(),
    folders: [] as string[],
    changed: new Set<string>(),
  };
  if (!input.previous) return full;
  const folders = new Set<string>();
  for (const rel of changed) {
    const kind = classify(rel);
    // JSON data, unknown files: the data rules and every document may depend on them.
    if (kind?.format !== 'mdx') return full;
    folders.add(rel.split('/')[1]!);
  }
  const previous = input.previous.documents;
  if (previous.length !== corpus.documents.length || corpus.documents.some((d, i) => d.folder !== previous[i]!.folder || d.code !== previous[i]!.code))
    return full;
  const docs = new Map(corpus.documents.map((d) => [d.folder, d]));
  const oldDocs = new Map(previous.map((d) => [d.folder, d]));
  const affected = new Set(folders);
  for (const folder of folders) {
    const doc = docs.get(folder);
    if (!doc || surfaceOf(doc) === input.surfaces.get(folder)) continue;
    // Principles are cited by id, not by code: a policy whose frontmatter changed concerns every document.
    if (doc.editions.some((e) => e.data.principles) || oldDocs.get(folder)?.editions.some((e) => e.data.principles)) return full;
    const names = namesOf(doc, lookup);
    for (const [other, codes] of input.mentions) if ([...names].some((name) => codes.has(name))) affected.add(other);
  }
  // Beside the affected documents: the policies (principle rules read them from the document list) and,
  // for the rules that compare a citation with the cited document's editions, the documents cited.
  const inView = new Set(affected);
  for (const doc of corpus.documents) if (doc.editions.some((e) => e.data.principles)) inView.add(doc.folder);
  const withCited = new Set(inView);
  for (const folder of affected) {
    const doc = docs.get(folder);
    for (const code of doc ? mentionsOf(doc) : []) {
      const cited = lookup.documents.get(code) ?? docs.get(code);
      if (cited) withCited.add(cited.folder);
    }
  }
  const paths = new Set<string>();
  for (const rel of input.rels) {
    const [top, folder] = rel.split('/');
    if (top === 'documents' && folder && affected.has(folder)) paths.add(input.displayPath(rel));
  }
  return {
    full: false,
    view: corpus.documents.filter((d) => inView.has(d.folder)),
    viewWithCited: corpus.documents.filter((d) => withCited.has(d.folder)),
    paths,
    folders: [...affected].sort(),
    changed: folders,
  };
}

/**
 * What another document may name that hangs on this one (as `mentionsOf` records names): its code and
 * folder, and the roles and terms it defines — a role's card and the glossary's entries are published
 * with the document that defines them, so a link to them lives or dies with its access and state.
 */
function namesOf(doc: DocumentEntry, lookup: Lookup): Set<string> {
  const names = new Set([doc.code, doc.folder]);
  for (const role of lookup.roles.values())
    if (role.data.definedIn === doc.code) for (const name of [role.data.id, anchors.role(role.data.id)]) names.add(name);
  for (const term of lookup.terms.values())
    if (term.data.definedIn === doc.code) for (const name of [term.data.id, anchors.term(term.data.id)]) names.add(name);
  return names;
}

/** What other documents' findings may depend on: every entry's frontmatter and headings. */
export function surfaceOf(doc: DocumentEntry): string {
  return JSON.stringify([
    doc.code,
    [...doc.editions, ...doc.appendices].map((e) => [e.id, e.data, e.source.extracted?.headings.map((h) => [h.slug, h.text, h.depth])]),
  ]);
}

/** Codes (and folder names, for links to `/nd/<folder>/`) a document names anywhere. */
export function mentionsOf(doc: DocumentEntry): Set<string> {
  const out = new Set<string>();
  for (const entry of [...doc.editions, ...doc.appendices]) {
    for (const ref of entry.source.extracted?.refs ?? []) {
      if (ref.kind === 'code') out.add(`${ref.prefix}-${ref.number}`);
      else if (ref.kind === 'appendix' && ref.document) out.add(ref.document);
      else if (ref.kind === 'link') for (const m of ref.url.matchAll(/([a-z0-9-]+)\/?(?:#|$)/g)) out.add(m[1]!);
    }
  }
  for (const edition of doc.editions) {
    for (const reference of edition.data.references) {
      const code = parseCode(reference.cite)?.code;
      if (code) out.add(code);
    }
    for (const code of Object.keys(edition.data.reviewedAgainst ?? {})) out.add(code);
  }
  out.delete(doc.code);
  return out;
}
