import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { appendix as appendixSchema, edition as editionSchema, type Appendix, type Edition } from '../schemas/document.ts';
import type { AccessLevel, DocumentType, Role, Term, Unit } from '../schemas/registries.ts';
import type { Standard } from '../schemas/standard.ts';
import { ajvIssues, zodIssues, type SchemaIssue } from '../validation/schema-issues.ts';
import { compareNatural } from '../lib/codes.ts';
import { classify, FILE_KINDS, type FileKind } from './file-kinds.ts';
import { analyseMdxFiles, type AnalysisCache } from './analyse-pool.ts';
import { fromAnalysis, parseJson, type ParsedMdx, type ParseProblem } from './parse.ts';
import type { FieldPath, Locator } from './positions.ts';
import { readSource } from './source.ts';

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

/** Reads every file under the content root; never throws on content, only reports. */
export async function loadCorpus(root: string, options: { cache?: AnalysisCache } = {}): Promise<Corpus> {
  const corpus: Corpus = {
    root,
    files: [],
    types: [],
    units: [],
    roles: [],
    terms: [],
    accessLevels: [],
    standards: [],
    documents: [],
    records: new Map(),
    problems: [],
  };
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const relOf = (entry: (typeof entries)[number]) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
  const hidden = (rel: string) => rel.split('/').some((part) => part.startsWith('.'));
  const relPaths = entries
    .filter((entry) => entry.isFile())
    .map(relOf)
    .filter((rel) => !hidden(rel))
    .sort();
  const byFolder = new Map<string, DocumentEntry>();
  // Paths in messages are relative to where the author runs the command, as editors and CI expect.
  const relRoot = path.relative(process.cwd(), root);
  const displayRoot = relRoot.startsWith('..') ? root : relRoot || '.';
  for (const entry of entries) {
    const rel = relOf(entry);
    if (entry.isFile() || hidden(rel)) continue;
    // Neither is read: a link could lead outside the content root, a folder is not the file its name promises.
    const reason = entry.isSymbolicLink()
      ? `«${rel}» — символическая ссылка: сборка не переходит по ссылкам (они могут вести за пределы папки содержимого); положите сюда сам файл`
      : entry.isDirectory() && classify(rel)
        ? `«${rel}» — папка, а не файл: переименуйте её или замените файлом с этим именем`
        : undefined;
    if (reason)
      corpus.problems.push({
        file: new VFile({ path: path.join(displayRoot, rel), value: '' }),
        ruleId: 'content/unknown-file',
        reason,
        place: { line: 1, column: 1 },
      });
  }
  const loaded = await Promise.all(relPaths.map(async (rel) => ({ rel, read: await readSource(path.join(root, rel), path.join(displayRoot, rel)) })));
  const mdxFiles = loaded.filter(({ rel, read }) => read.ok && classify(rel)?.format === 'mdx').map(({ read }) => read.file);
  // MDX is analysed in worker threads; this thread reads the JSON meanwhile (schemas compile, records validate).
  const pending = analyseMdxFiles(mdxFiles, root, options.cache);
  const mdxEntries: Array<{ rel: string; kind: FileKind; file: VFile }> = [];
  for (const { rel, read } of loaded) {
    corpus.files.push(read.file);
    const kind = classify(rel);
    if (!read.ok) {
      corpus.problems.push({ file: read.file, ruleId: 'syntax/file', reason: read.reason, place: { line: read.line ?? 1, column: read.column ?? 1 } });
      continue;
    }
    if (!kind) {
      corpus.problems.push({ file: read.file, ruleId: 'content/unknown-file', offset: 0, reason: unknownFileReason(rel) });
      continue;
    }
    if (kind.format === 'mdx') mdxEntries.push({ rel, kind, file: read.file });
    else loadJson(corpus, kind, read.file);
  }
  const analyses = new Map((await pending).map((analysis, i) => [mdxFiles[i]!, analysis]));
  for (const { rel, kind, file } of mdxEntries) loadMdx(corpus, byFolder, kind, rel, fromAnalysis(file, analyses.get(file)!));
  corpus.documents = [...byFolder.values()].sort((a, b) => compareNatural(a.code, b.code));
  for (const doc of corpus.documents) {
    doc.editions.sort((a, b) => compareNatural(a.data.version, b.data.version));
    doc.appendices.sort((a, b) => a.data.number - b.data.number);
    doc.code = doc.editions.at(-1)?.data.code ?? doc.folder.toUpperCase();
  }
  return corpus;
}

function unknownFileReason(rel: string): string {
  const places = FILE_KINDS.map((kind) => kind.where).join('; ');
  return `файл «${rel}» не относится ни к одному виду содержимого и не будет опубликован; переместите его: ${places}`;
}

function pushProblems(corpus: Corpus, file: VFile, problems: ParseProblem[]) {
  for (const problem of problems) corpus.problems.push({ file, ...problem });
}

function pushSchemaIssues(corpus: Corpus, file: VFile, locate: Locator, issues: SchemaIssue[], base: FieldPath = []) {
  for (const issue of issues) {
    corpus.problems.push({ file, ruleId: 'schema/invalid', offset: locate.offsetOf([...base, ...issue.path]), reason: issue.message });
  }
}

function loadMdx(corpus: Corpus, byFolder: Map<string, DocumentEntry>, kind: FileKind, rel: string, source: ParsedMdx) {
  const { file } = source;
  pushProblems(corpus, file, source.problems);
  if (source.data === undefined) return;
  const [, folder = '', , name = ''] = rel.split('/');
  let doc = byFolder.get(folder);
  if (!doc) byFolder.set(folder, (doc = { folder, code: '', editions: [], appendices: [] }));
  const id = `${folder}/${name.replace(/\.mdx$/, '')}`;
  const text = String(file.value);
  // A scalar as written: the rest of its line, without a trailing comment.
  const written = (path: FieldPath) => {
    const at = source.locate.offsetOf(path);
    const end = text.indexOf('\n', at);
    return text
      .slice(at, end === -1 ? undefined : end)
      .replace(/\s+#.*$/, '')
      .trim();
  };
  if (kind.kind === 'edition') {
    const { issues, value } = zodIssues(editionSchema, source.data, written);
    pushSchemaIssues(corpus, file, source.locate, issues);
    if (value) doc.editions.push({ data: value as Edition, file, locate: source.locate, at: [], folder, id, source });
  } else {
    const { issues, value } = zodIssues(appendixSchema, source.data, written);
    pushSchemaIssues(corpus, file, source.locate, issues);
    if (value) doc.appendices.push({ data: value as Appendix, file, locate: source.locate, at: [], folder, id, source });
  }
}

const REGISTRY_FIELDS = {
  'document-types': 'types',
  units: 'units',
  roles: 'roles',
  terms: 'terms',
  'access-levels': 'accessLevels',
} as const;

function loadJson(corpus: Corpus, kind: FileKind, file: VFile) {
  const parsed = parseJson(file);
  pushProblems(corpus, file, parsed.problems);
  if (parsed.data === undefined || !kind.schema) return;
  const issues = ajvIssues(kind.schema, parsed.data);
  pushSchemaIssues(corpus, file, parsed.locate, issues);
  if (issues.length) return;
  const record = parsed.data as Record<string, unknown>;
  const registryField = REGISTRY_FIELDS[kind.kind as keyof typeof REGISTRY_FIELDS];
  if (registryField) {
    const items = record.items as unknown[];
    const target = corpus[registryField] as Located<unknown>[];
    items.forEach((data, index) => target.push({ data, file, locate: parsed.locate, at: ['items', index] }));
  } else if (kind.kind === 'standard') {
    corpus.standards.push({ data: record as unknown as Standard, file, locate: parsed.locate, at: [] });
  } else {
    const list = corpus.records.get(kind.kind) ?? [];
    list.push({ data: record, file, locate: parsed.locate, at: [] });
    corpus.records.set(kind.kind, list);
  }
}
