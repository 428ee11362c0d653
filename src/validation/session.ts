import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { analyseMdxFiles } from '../analysis/analyse-pool.ts';
import { assembleCorpus, displayRootOf, isHidden, listContent, loadUnit, type FileUnit } from '../analysis/load.ts';
import { readSource, readText, type ReadResult } from '../analysis/source.ts';
import type { DocumentEntry, LoadProblem } from '../model/corpus.ts';
import { classify } from '../model/file-kinds.ts';
import { buildLookup } from '../model/lookup.ts';
import { extractedOf, loadMessages, runRule, sortMessages, type CheckOptions, type CheckResult } from './check.ts';
import { RULES, type RuleId } from './rules/index.ts';
import { mentionsOf, planRun, surfaceOf } from './session-plan.ts';
import { CITED_RULES, DATA_RULES, DOCUMENT_RULES } from './session-scope.ts';

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
      const read = text === undefined ? await this.readDisk(rel) : text === null ? undefined : readText(text, this.displayPath(rel));
      if (read) this.units.set(rel, loadUnit(rel, read));
      else this.units.delete(rel);
    }
    const corpus = assembleCorpus(this.options.root, this.listProblems, sortedUnits(this.units));
    const lookup = buildLookup(corpus);
    const extracted = extractedOf(corpus);
    const model = { corpus, lookup, extracted };

    const plan = planRun(
      {
        previous: this.last?.corpus,
        surfaces: this.surfaces,
        mentions: this.mentions,
        rels: [...this.units.keys(), ...before.keys()],
        displayPath: (rel) => this.displayPath(rel),
      },
      changes.map(([rel]) => rel),
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
