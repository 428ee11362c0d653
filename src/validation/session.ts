import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { parseCode } from '../lib/codes.ts';
import { analyseMdxFiles } from '../analysis/analyse-pool.ts';
import { assembleCorpus, displayRootOf, isHidden, listContent, loadUnit, type FileUnit } from '../analysis/load.ts';
import type { Corpus, DocumentEntry, LoadProblem } from '../model/corpus.ts';
import { classify } from '../model/file-kinds.ts';
import { buildLookup, type Lookup } from '../model/lookup.ts';
import { decodeSource, MAX_FILE_BYTES, readSource, type ReadResult } from '../analysis/source.ts';
import { extractedOf, loadMessages, runRule, sortMessages, type CheckOptions, type CheckResult } from './check.ts';
import type { Extracted } from '../model/parsed.ts';
import { RULES, type RuleId } from './rules/index.ts';

/**
 * Rules whose findings in a document's files depend only on that document, the documents it cites, the
 * policies (documents that define principles), the JSON data (registries, standards, records) and what
 * the lookup holds of other documents. After an edit of one
 * document they re-run on that document (and on those that cite it, when what others see of it changed),
 * with the documents it cites beside it. A rule not listed here re-runs on the whole corpus after every change.
 */
const DOCUMENT_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'doc/code-folder',
  'doc/code-consistent',
  'doc/duplicate-version',
  'doc/duplicate-appendix',
  'doc/no-edition',
  'doc/unknown-type',
  'edition/one-in-force',
  'edition/order',
  'edition/effective-after-approval',
  'edition/status',
  'edition/cites-cancelled',
  'edition/replacement',
  'edition/review-due',
  'edition/review-overdue',
  'ref/unknown-code',
  'ref/latin-code',
  'ref/unknown-standard',
  'ref/unknown-clause',
  'ref/unverified-clause',
  'ref/withdrawn-standard',
  'ref/unknown-appendix',
  'ref/appendix-title',
  'ref/unknown-role',
  'ref/unknown-unit',
  'ref/unknown-access',
  'ref/broken-link',
  'ref/invisible-character',
  'ref/suspect',
  'ref/unknown-principle',
  'ref/principle-wording',
  'mdx/forbidden-code',
]);

/** Document rules that look a cited document up in the document list (not in the lookup): they run with the cited ones beside. */
const CITED_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['ref/suspect']);

/**
 * Rules that read only the JSON data and the set of document codes: an edit of a document's text or
 * frontmatter that keeps every code does not change their findings, so they re-run only when a JSON
 * file changes or a document appears, disappears or changes its code.
 */
const DATA_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'schema/ref',
  'registry/duplicate-id',
  'registry/unknown-parent',
  'registry/role-defined-once',
  'registry/synonym',
  'standard/clause-tree',
  'standard/external-control',
  'audit/unknown-ref',
  'audit/plan-in-program',
  'audit/independence',
  'audit/team-in-registry',
  'audit/team-leader-role',
  'audit/finding-requirement',
  'audit/nonconformity-action',
  'audit/overdue-action',
  'audit/clause-coverage',
  'audit/retention',
  'quality/requirement-refs',
  'quality/qms-map-coverage',
]);

export interface SessionOptions extends CheckOptions {
  /** Analyse a cold corpus in worker threads (faster first check, more memory kept by the process); default true. */
  workers?: boolean;
}

/**
 * What one run of the session found — the same result as `check()` (its `messages` sorted alike: the list
 * `npm run check` prints) — and how much of the corpus it had to look at again.
 */
export interface SessionRun extends Omit<CheckResult, 'referenceIndex'> {
  /** `full`: every rule on every file; `documents`: the rules of the changed documents (and their citers); `none`: nothing changed. */
  scope: 'full' | 'documents' | 'none';
  /** Folders of the documents whose document rules re-ran (scope `documents`). */
  documents: string[];
  /** Display paths whose findings differ from the previous run (every path with findings after a full first run). */
  changedPaths: Set<string>;
}

/**
 * A persistent, incremental model of one content root for the language server and `check --watch`.
 * Each file's parse (its `FileUnit`) is kept and recomputed only when that file changes; the corpus is
 * put together again from the units (cheap), and only the rules whose inputs changed run again: the
 * document rules on the changed documents, the data rules only after a JSON change. The result is the
 * same list of findings `check()` gives for the same files (test/validation/session.test.ts compares them).
 */
export class CheckSession {
  readonly options: SessionOptions;
  private units = new Map<string, FileUnit>();
  private listProblems: LoadProblem[] = [];
  private pending = new Map<string, string | null | undefined>();
  /** Findings of each rule by display path, from the last run that covered that path. */
  private found = new Map<RuleId, Map<string, VFileMessage[]>>();
  /** What other documents can see of each document (frontmatter, headings), by folder. */
  private surfaces = new Map<string, string>();
  /** Codes each document names (prose, references, reviewedAgainst, appendix refs), by folder. */
  private mentions = new Map<string, Set<string>>();
  private published = new Map<string, VFileMessage[]>();
  private last: SessionRun | undefined;
  private readonly displayRoot: string;

  private constructor(options: SessionOptions) {
    this.options = options;
    this.displayRoot = displayRootOf(options.root);
  }

  /** Reads the whole content root once (with the analysis cache, workers for large corpora) and checks it. */
  static async open(options: SessionOptions): Promise<CheckSession> {
    const session = new CheckSession(options);
    await session.reload();
    return session;
  }

  /** Reads every file again from disk (a folder renamed outside the editor, a branch switched); the next run is full. */
  async reload(): Promise<void> {
    const { root } = this.options;
    const listed = await listContent(root);
    const loaded = await Promise.all(listed.relPaths.map(async (rel) => ({ rel, read: await readSource(path.join(root, rel), this.displayPath(rel)) })));
    const mdxFiles = loaded.filter(({ rel, read }) => read.ok && classify(rel)?.format === 'mdx').map(({ read }) => read.file);
    const analyses = new Map(
      (await analyseMdxFiles(mdxFiles, root, this.options.cache, { workers: this.options.workers ?? true })).map((analysis, i) => [mdxFiles[i]!, analysis]),
    );
    this.units = new Map(loaded.map(({ rel, read }) => [rel, loadUnit(rel, read, read.ok ? analyses.get(read.file) : undefined)]));
    this.listProblems = listed.problems;
    this.pending.clear();
    this.last = undefined;
  }

  /** The path relative to the content root of an absolute path, or undefined outside it or hidden. */
  relOf(absPath: string): string | undefined {
    const rel = path.relative(this.options.root, absPath).split(path.sep).join('/');
    return rel.startsWith('..') || path.isAbsolute(rel) || rel === '' || isHidden(rel) ? undefined : rel;
  }

  /** The path a message names for a file (relative to the working folder, as `npm run check` prints it). */
  displayPath(rel: string): string {
    return path.join(this.displayRoot, rel);
  }

  /** Sets a file's text as an editor holds it (unsaved changes included); `null` removes the file. */
  setText(rel: string, text: string | null): void {
    this.pending.set(rel, text);
  }

  /** Marks a file to be read again from disk (saved, created or deleted outside the editor). */
  touch(rel: string): void {
    this.pending.set(rel, undefined);
  }

  /** The current unit of a file (after the last run). */
  unit(rel: string): FileUnit | undefined {
    return this.units.get(rel);
  }

  get result(): SessionRun | undefined {
    return this.last;
  }

  /** Applies the pending changes and re-runs what they affect. */
  async run(): Promise<SessionRun> {
    const changes = [...this.pending];
    this.pending.clear();
    if (this.last && changes.length === 0) return { ...this.last, scope: 'none', documents: [], changedPaths: new Set() };
    const before = new Map(changes.map(([rel]) => [rel, this.units.get(rel)]));
    for (const [rel, text] of changes) {
      const read = text === undefined ? await this.readDisk(rel) : text === null ? undefined : this.readText(rel, text);
      if (read) this.units.set(rel, loadUnit(rel, read));
      else this.units.delete(rel);
    }
    const corpus = assembleCorpus(this.options.root, this.listProblems, sortedUnits(this.units));
    const lookup = buildLookup(corpus);
    const extracted = extractedOf(corpus);
    const model = { corpus, lookup, extracted };

    const plan = this.plan(
      changes.map(([rel]) => rel),
      before,
      corpus,
      lookup,
    );
    for (const rule of RULES) {
      const id = rule.id as RuleId;
      const known = this.found.get(id);
      if (plan.full || !known || !(DOCUMENT_RULES.has(id) || DATA_RULES.has(id))) {
        this.found.set(id, byPath(runRule(rule, model, this.options)));
      } else if (DOCUMENT_RULES.has(id) && plan.view && plan.viewWithCited) {
        const view = { ...model, corpus: { ...corpus, documents: CITED_RULES.has(id) ? plan.viewWithCited : plan.view } };
        for (const p of plan.paths) known.delete(p);
        for (const [p, list] of byPath(runRule(rule, view, this.options))) if (plan.paths.has(p)) known.set(p, list);
      }
      // A data rule keeps its findings: no JSON file and no document code changed.
    }
    if (plan.full) {
      this.surfaces.clear();
      this.mentions.clear();
    }
    for (const doc of corpus.documents) if (plan.full || plan.changed.has(doc.folder)) this.remember(doc);

    const messages = loadMessages(corpus, this.options);
    for (const rule of RULES) for (const list of this.found.get(rule.id as RuleId)?.values() ?? []) messages.push(...list);
    sortMessages(messages);
    const errors = messages.filter((m) => m.fatal).length;
    const changedPaths = this.diffPublished(messages);
    this.last = {
      corpus,
      lookup,
      extracted,
      messages,
      errors,
      warnings: messages.length - errors,
      scope: plan.full ? 'full' : 'documents',
      documents: plan.folders,
      changedPaths,
    };
    return this.last;
  }

  /** Which rules must run where: everything, or the document rules over a view of the affected documents. */
  private plan(changed: string[], before: Map<string, FileUnit | undefined>, corpus: Corpus, lookup: Lookup) {
    const full = { full: true, view: undefined, viewWithCited: undefined, paths: new Set<string>(), folders: [] as string[], changed: new Set<string>() };
    if (!this.last) return full;
    const folders = new Set<string>();
    for (const rel of changed) {
      const kind = classify(rel);
      // JSON data, unknown files: the data rules and every document may depend on them.
      if (kind?.format !== 'mdx') return full;
      folders.add(rel.split('/')[1]!);
    }
    const previous = this.last.corpus.documents;
    if (previous.length !== corpus.documents.length || corpus.documents.some((d, i) => d.folder !== previous[i]!.folder || d.code !== previous[i]!.code))
      return full;
    const docs = new Map(corpus.documents.map((d) => [d.folder, d]));
    const oldDocs = new Map(previous.map((d) => [d.folder, d]));
    const affected = new Set(folders);
    for (const folder of folders) {
      const doc = docs.get(folder);
      if (!doc || surfaceOf(doc) === this.surfaces.get(folder)) continue;
      // Principles are cited by id, not by code: a policy whose frontmatter changed concerns every document.
      if (doc.editions.some((e) => e.data.principles) || oldDocs.get(folder)?.editions.some((e) => e.data.principles)) return full;
      for (const [other, codes] of this.mentions) if (codes.has(doc.code) || codes.has(folder)) affected.add(other);
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
    for (const rel of [...this.units.keys(), ...before.keys()]) {
      const [top, folder] = rel.split('/');
      if (top === 'documents' && folder && affected.has(folder)) paths.add(this.displayPath(rel));
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

  private remember(doc: DocumentEntry) {
    this.surfaces.set(doc.folder, surfaceOf(doc));
    this.mentions.set(doc.folder, mentionsOf(doc));
  }

  /** Paths whose findings changed since the last run, as a publisher needs them. */
  private diffPublished(messages: VFileMessage[]): Set<string> {
    const now = byPath(messages);
    const changed = new Set<string>();
    for (const [p, list] of now) {
      const before = this.published.get(p);
      if (!before || before.length !== list.length || list.some((m, i) => m !== before[i] && keyOf(m) !== keyOf(before[i]!))) changed.add(p);
    }
    for (const p of this.published.keys()) if (!now.has(p)) changed.add(p);
    this.published = now;
    return changed;
  }

  private async readDisk(rel: string): Promise<ReadResult | undefined> {
    try {
      return await readSource(path.join(this.options.root, rel), this.displayPath(rel));
    } catch {
      return undefined; // removed
    }
  }

  /** An editor's buffer read as the loader reads a file: size limit, BOM and CRLF, control characters. */
  private readText(rel: string, text: string): ReadResult {
    const bytes = new TextEncoder().encode(text);
    const file = new VFile({ path: this.displayPath(rel), value: '' });
    if (bytes.length > MAX_FILE_BYTES) {
      const mb = (bytes.length / 1024 / 1024).toFixed(1).replace('.', ',');
      return { ok: false, file, reason: `файл слишком велик: ${mb} МБ при пределе 5 МБ; разделите документ на части или вынесите данные в приложения` };
    }
    return decodeSource(bytes, file);
  }
}

function* sortedUnits(units: Map<string, FileUnit>): Generator<FileUnit> {
  for (const rel of [...units.keys()].sort()) yield units.get(rel)!;
}

/** What a publisher shows of a finding; kept per message, as unchanged rules hand back the same objects. */
const keys = new WeakMap<VFileMessage, string>();
function keyOf(m: VFileMessage): string {
  let key = keys.get(m);
  if (key === undefined) keys.set(m, (key = `${m.line}:${m.column}:${m.ruleId}:${m.fatal}:${m.reason}:${m.expected?.join() ?? ''}`));
  return key;
}

function byPath(messages: VFileMessage[]): Map<string, VFileMessage[]> {
  const out = new Map<string, VFileMessage[]>();
  for (const m of messages) {
    const p = m.file ?? '';
    const list = out.get(p);
    if (list) list.push(m);
    else out.set(p, [m]);
  }
  return out;
}

/** What other documents' findings may depend on: every entry's frontmatter and headings. */
function surfaceOf(doc: DocumentEntry): string {
  return JSON.stringify([
    doc.code,
    [...doc.editions, ...doc.appendices].map((e) => [e.id, e.data, e.source.extracted?.headings.map((h) => [h.slug, h.text, h.depth])]),
  ]);
}

/** Codes (and folder names, for links to `/nd/<folder>/`) a document names anywhere. */
function mentionsOf(doc: DocumentEntry): Set<string> {
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
