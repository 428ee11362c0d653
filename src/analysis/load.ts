import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { appendix as appendixSchema, edition as editionSchema, type Appendix, type Edition } from '../schemas/document.ts';
import type { Standard } from '../schemas/standard.ts';
import { clearSuggestions, suggestionIn } from '../lib/did-you-mean.ts';
import { compareNatural } from '../lib/codes.ts';
import { ConfigError } from '../lib/config.ts';
import { fsReason } from '../lib/fs-errors.ts';
import type { AppendixEntry, Corpus, DocumentEntry, EditionEntry, LoadProblem, Located } from '../model/corpus.ts';
import { classify, FILE_KINDS, meantPath, type FileKind } from '../model/file-kinds.ts';
import type { FieldPath, Locator, ParsedMdx, ParseProblem } from '../model/parsed.ts';
import { ajvIssues, zodIssues, type SchemaIssue } from './schema-issues.ts';
import { analyseMdxFiles, type AnalysisCache } from './analyse-pool.ts';
import { parseJson } from './parse-json.ts';
import { fromAnalysis, parseMdx, type MdxAnalysis } from './parse.ts';
import { readSource, type ReadResult } from './source.ts';

/** Reads every file under the content root; never throws on content, only reports. */
export async function loadCorpus(root: string, options: { cache?: AnalysisCache } = {}): Promise<Corpus> {
  // Paths in messages are relative to where the author runs the command, as editors and CI expect.
  const displayRoot = displayRootOf(root);
  const listed = await listContent(root);
  const loaded = await Promise.all(listed.relPaths.map(async (rel) => ({ rel, read: await readSource(path.join(root, rel), path.join(displayRoot, rel)) })));
  const mdxFiles = loaded.filter(({ rel, read }) => read.ok && classify(rel)?.format === 'mdx').map(({ read }) => read.file);
  const isMdx = ({ rel, read }: (typeof loaded)[number]) => read.ok && classify(rel)?.format === 'mdx';
  // MDX is analysed in worker threads; this thread reads the JSON meanwhile (schemas compile, records validate).
  const pending = analyseMdxFiles(mdxFiles, root, options.cache);
  const other = new Map(loaded.filter((item) => !isMdx(item)).map(({ rel, read }) => [rel, loadUnit(rel, read)]));
  const analyses = new Map((await pending).map((analysis, i) => [mdxFiles[i]!, analysis]));
  const units = loaded.map(({ rel, read }) => other.get(rel) ?? loadUnit(rel, read, read.ok ? analyses.get(read.file) : undefined));
  return assembleCorpus(root, listed.problems, units);
}

/** A content root that cannot be listed, in the author's words: the raw system error only when it is none of the usual ones. */
function unreadableRoot(root: string, error: NodeJS.ErrnoException): ConfigError {
  const shown = displayRootOf(root);
  const where = 'укажите папку содержимого в --root, ND_CONTENT_ROOT или contentRoot в nd.config.json';
  if (error.code === 'ENOENT') return new ConfigError(`папка содержимого «${shown}» не найдена: ${where}`);
  if (error.code === 'ENOTDIR') return new ConfigError(`«${shown}» — файл, а не папка содержимого: ${where}`);
  if (error.code === 'EACCES') return new ConfigError(`нет доступа к папке содержимого «${shown}»: дайте права на чтение`);
  return new ConfigError(`папку содержимого «${shown}» не удалось прочесть: ${fsReason(error)}`);
}

/** Where message paths start: the content root relative to the working folder, or absolute when outside it. */
export function displayRootOf(root: string): string {
  const relRoot = path.relative(process.cwd(), root);
  return relRoot.startsWith('..') ? root : relRoot || '.';
}

/** The content files under a root (sorted, hidden ones skipped) and the folders or links that stand where a file should. */
export async function listContent(root: string): Promise<{ relPaths: string[]; problems: LoadProblem[] }> {
  const problems: LoadProblem[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw unreadableRoot(root, error);
  });
  const relOf = (entry: (typeof entries)[number]) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
  const relPaths = entries
    .filter((entry) => entry.isFile())
    .map(relOf)
    .filter((rel) => !isHidden(rel))
    .sort();
  const displayRoot = displayRootOf(root);
  for (const entry of entries) {
    const rel = relOf(entry);
    if (entry.isFile() || isHidden(rel)) continue;
    // Neither is read: a link could lead outside the content root, a folder is not the file its name promises.
    const reason = entry.isSymbolicLink()
      ? `«${rel}» — символическая ссылка: сборка не переходит по ссылкам (они могут вести за пределы папки содержимого); положите сюда сам файл`
      : entry.isDirectory() && classify(rel)
        ? `«${rel}» — папка, а не файл: переименуйте её или замените файлом с этим именем`
        : undefined;
    if (reason)
      problems.push({
        file: new VFile({ path: path.join(displayRoot, rel), value: '' }),
        ruleId: 'content/unknown-file',
        reason,
        place: { line: 1, column: 1 },
      });
  }
  return { relPaths, problems };
}

/** Dot files and folders are not content (editors' and tools' own files). */
export const isHidden = (rel: string) => rel.split('/').some((part) => part.startsWith('.'));

/**
 * What one file contributes to the corpus, computed from that file alone: its load-time problems and
 * the entries, registry items, standard or record it holds. The language server and `--watch` keep
 * one per file and recompute only the changed file's; `assembleCorpus` puts them together.
 */
export interface FileUnit {
  rel: string;
  file: VFile;
  problems: LoadProblem[];
  /** An MDX file whose frontmatter could be read: its document folder and, when valid, its entry. */
  mdx?: { folder: string; edition?: EditionEntry; appendix?: AppendixEntry };
  registry?: { field: (typeof REGISTRY_FIELDS)[keyof typeof REGISTRY_FIELDS]; items: Located<unknown>[] };
  standard?: Located<Standard>;
  record?: { kind: string; value: Located<unknown> };
}

/** One read file as a unit; `analysis` is the MDX analysis of an MDX file (undefined: not analysed, parsed here). */
export function loadUnit(rel: string, read: ReadResult, analysis?: MdxAnalysis): FileUnit {
  const unit: FileUnit = { rel, file: read.file, problems: [] };
  if (!read.ok) {
    unit.problems.push({ file: read.file, ruleId: 'syntax/file', reason: read.reason, place: { line: read.line ?? 1, column: read.column ?? 1 } });
    return unit;
  }
  const kind = classify(rel);
  if (!kind) {
    unit.problems.push({ file: read.file, ruleId: 'content/unknown-file', offset: 0, reason: unknownFileReason(rel) });
    return unit;
  }
  try {
    if (kind.format === 'mdx') loadMdx(unit, kind, rel, analysis ? fromAnalysis(read.file, analysis) : parseMdx(read.file));
    else loadJson(unit, kind, read.file);
  } finally {
    clearSuggestions();
  }
  return unit;
}

/** Puts the units of every file (in path order) together, as loading the whole root at once would. */
export function assembleCorpus(root: string, listProblems: LoadProblem[], units: Iterable<FileUnit>): Corpus {
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
    problems: [...listProblems],
  };
  const byFolder = new Map<string, DocumentEntry>();
  for (const unit of units) {
    corpus.files.push(unit.file);
    corpus.problems.push(...unit.problems);
    if (unit.mdx) {
      const { folder, edition, appendix } = unit.mdx;
      let doc = byFolder.get(folder);
      if (!doc) byFolder.set(folder, (doc = { folder, code: '', editions: [], appendices: [] }));
      if (edition) doc.editions.push(edition);
      if (appendix) doc.appendices.push(appendix);
    } else if (unit.registry) {
      (corpus[unit.registry.field] as Located<unknown>[]).push(...unit.registry.items);
    } else if (unit.standard) {
      corpus.standards.push(unit.standard);
    } else if (unit.record) {
      const list = corpus.records.get(unit.record.kind) ?? [];
      list.push(unit.record.value);
      corpus.records.set(unit.record.kind, list);
    }
  }
  corpus.documents = [...byFolder.values()].sort((a, b) => compareNatural(a.code, b.code));
  for (const doc of corpus.documents) {
    doc.editions.sort((a, b) => compareNatural(a.data.version, b.data.version));
    doc.appendices.sort((a, b) => a.data.number - b.data.number);
    doc.code = doc.editions.at(-1)?.data.code ?? doc.folder.toUpperCase();
  }
  return corpus;
}

function unknownFileReason(rel: string): string {
  const meant = meantPath(rel);
  if (meant)
    return `файл «${rel}» не будет опубликован: сборка читает только «${meant}» — переименуйте файл так${meant === rel.toLowerCase() ? ' (в именах папок и файлов — строчные буквы)' : ''}`;
  const places = FILE_KINDS.map((kind) => kind.where).join('; ');
  return `файл «${rel}» не относится ни к одному виду содержимого и не будет опубликован; переместите его: ${places}`;
}

function pushProblems(unit: FileUnit, file: VFile, problems: ParseProblem[]) {
  for (const problem of problems) unit.problems.push({ file, ...problem });
}

function pushSchemaIssues(unit: FileUnit, file: VFile, locate: Locator, issues: SchemaIssue[], base: FieldPath = []) {
  for (const issue of issues) {
    const suggestion = suggestionIn(issue.message);
    unit.problems.push({
      file,
      ruleId: 'schema/invalid',
      offset: locate.offsetOf([...base, ...issue.path]),
      reason: issue.message,
      ...(suggestion ? { suggestion } : {}),
    });
  }
}

function loadMdx(unit: FileUnit, kind: FileKind, rel: string, source: ParsedMdx) {
  const { file } = source;
  pushProblems(unit, file, source.problems);
  if (source.data === undefined) return;
  const [, folder = '', , name = ''] = rel.split('/');
  unit.mdx = { folder };
  const id = `${folder}/${name.replace(/\.mdx$/, '')}`;
  const text = String(file.value);
  // A scalar as written: the rest of its line, without a trailing comment (`version: 1.0` → "1.0", not 1).
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
    pushSchemaIssues(unit, file, source.locate, issues);
    if (value) unit.mdx.edition = { data: value as Edition, file, locate: source.locate, at: [], folder, id, source };
  } else {
    const { issues, value } = zodIssues(appendixSchema, source.data, written);
    pushSchemaIssues(unit, file, source.locate, issues);
    if (value) unit.mdx.appendix = { data: value as Appendix, file, locate: source.locate, at: [], folder, id, source };
  }
}

const REGISTRY_FIELDS = {
  'document-types': 'types',
  units: 'units',
  roles: 'roles',
  terms: 'terms',
  'access-levels': 'accessLevels',
} as const;

function loadJson(unit: FileUnit, kind: FileKind, file: VFile) {
  const parsed = parseJson(file);
  pushProblems(unit, file, parsed.problems);
  if (parsed.data === undefined || !kind.schema) return;
  const issues = ajvIssues(kind.schema, parsed.data);
  pushSchemaIssues(unit, file, parsed.locate, issues);
  if (issues.length) return;
  const record = parsed.data as Record<string, unknown>;
  const registryField = REGISTRY_FIELDS[kind.kind as keyof typeof REGISTRY_FIELDS];
  if (registryField) {
    const items = record.items as unknown[];
    unit.registry = { field: registryField, items: items.map((data, index) => ({ data, file, locate: parsed.locate, at: ['items', index] })) };
  } else if (kind.kind === 'standard') {
    unit.standard = { data: record as unknown as Standard, file, locate: parsed.locate, at: [] };
  } else {
    unit.record = { kind: kind.kind, value: { data: record, file, locate: parsed.locate, at: [] } };
  }
}
