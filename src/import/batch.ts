import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SiteConfig } from '../lib/config.ts';
import { audienceSites } from '../site/audience-pages.ts';
import { runCheck } from '../validation/run.ts';
import { where, type Removal } from './blocks.ts';
import { planEdition } from './edition-files.ts';
import { convertAll } from './convert.ts';
import { ImportError } from './errors.ts';
import { CONVERTED } from './readers.ts';
import { analyse } from './pipeline.ts';
import { progress } from './progress.ts';
import { proposals, type Proposal } from './proposals.ts';
import type { Guess, Mapped } from './recognise.ts';
import { loadRegistries, type Registries } from './registries.ts';
import { oldAddresses, recordLegacy, type LegacySource } from './legacy.ts';
import type { LegacyRedirect } from '../schemas/legacy-urls.ts';

export interface CheckFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  ruleId: string;
}

export interface FileResult {
  input: string;
  status: 'imported' | 'findings' | 'failed';
  error?: string;
  format?: string;
  code?: string;
  title?: string;
  version?: string;
  newEdition?: boolean;
  written: string[];
  mapped: Mapped[];
  guessed: Guess[];
  dropped: Array<Removal & { where: string }>;
  proposals: Proposal[];
  schemaIssues: string[];
  /** `npm run check` on the result, for this document's files, in the checker's own format. */
  check: CheckFinding[];
  /** Old addresses recorded in registries/legacy-urls.json for this document. */
  legacy?: string[];
}

export interface BatchOptions {
  inputs: string[];
  /** The content root to write into (and to check); default `content`. */
  out: string;
  dryRun: boolean;
  code?: string;
  version?: string;
  config: SiteConfig;
  stream?: NodeJS.WriteStream;
  /** Old addresses: `--source-url` and/or `--legacy-map`. */
  legacy?: LegacySource;
}

export interface BatchResult {
  files: FileResult[];
  /** Root the check ran on: the output folder, or a temporary copy of it for --dry-run. */
  checkedRoot: string;
  summary: { imported: number; findings: number; failed: number };
  /** Old addresses not recorded: a map line whose file was not imported, or a conflict with a recorded address. */
  legacyProblems: string[];
}

/** Files to import: the inputs themselves, folders walked recursively, hidden files skipped. */
export async function collectInputs(inputs: string[]): Promise<string[]> {
  return (await collectWithBase(inputs)).map((i) => i.file);
}

/** Files with the folder they were found in (for their old address under --source-url). */
async function collectWithBase(inputs: string[]): Promise<Array<{ file: string; base: string }>> {
  const out: Array<{ file: string; base: string }> = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      out.push(
        ...entries
          .filter((e) => e.isFile() && !e.name.startsWith('.'))
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
          .map((file) => ({ file, base: input })),
      );
    } else out.push({ file: input, base: path.dirname(input) });
  }
  return out;
}

/**
 * Imports every input into the content root (or into a temporary copy of it for --dry-run), then
 * runs the checker once over the result and gives each file its own findings. One file failing never
 * stops the batch.
 */
export async function importBatch(options: BatchOptions): Promise<BatchResult> {
  const found = await collectWithBase(options.inputs);
  const files = found.map((f) => f.file);
  const outRoot = path.resolve(options.out);
  const root = options.dryRun ? await mkdtemp(path.join(tmpdir(), 'nd-import-')) : outRoot;
  if (options.dryRun) await cp(outRoot, root, { recursive: true }).catch(() => mkdir(root, { recursive: true }));
  const registries = await loadRegistries(root);
  const conversion = await convertOldFormats(files, options.stream);
  const results: FileResult[] = [];
  const bar = progress(files.length, options.stream);
  for (const input of files) {
    results.push(await importOne(input, { options, root, registries, conversion }));
    bar.tick(path.basename(input));
  }
  const legacyProblems = options.legacy ? await recordOldAddresses(results, found, options.legacy, root) : [];
  if (results.some((r) => r.written.length > 0)) await checkWritten(results, options, root);
  for (const r of results) {
    if (r.status !== 'failed' && (r.check.length > 0 || r.guessed.length > 0 || r.schemaIssues.length > 0)) r.status = 'findings';
  }
  if (options.dryRun) await rm(root, { recursive: true, force: true });
  await rm(conversion.dir, { recursive: true, force: true });
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
  return { files: results, checkedRoot: root, summary: { imported: count('imported'), findings: count('findings'), failed: count('failed') }, legacyProblems };
}

/** The batch's files of the CONVERTED formats as DOCX, or why LibreOffice could not. */
interface Conversion {
  convertible: string[];
  dir: string;
  converted?: Map<string, string>;
  error?: string;
}

/** Old and open formats go through LibreOffice once for the whole batch. */
async function convertOldFormats(files: string[], stream: NodeJS.WriteStream | undefined): Promise<Conversion> {
  const convertible = files.filter((f) => (CONVERTED as readonly string[]).includes(path.extname(f).toLowerCase()));
  const conversion: Conversion = { convertible, dir: await mkdtemp(path.join(tmpdir(), 'nd-import-convert-')) };
  if (convertible.length > 0) {
    (stream ?? process.stderr).write(
      `LibreOffice: преобразование ${convertible.length} файл(ов) ${[...new Set(convertible.map((f) => path.extname(f).toLowerCase()))].join(', ')} в DOCX…\n`,
    );
    conversion.converted = await convertAll(convertible, conversion.dir).catch((error: unknown) => {
      conversion.error = error instanceof ImportError ? error.message : String(error);
      return undefined;
    });
  }
  return conversion;
}

/** One input read, recognised and written as an edition; a failure is the file's result, never the batch's. */
async function importOne(
  input: string,
  { options, root, registries, conversion }: { options: BatchOptions; root: string; registries: Registries; conversion: Conversion },
): Promise<FileResult> {
  const result: FileResult = { input, status: 'imported', written: [], mapped: [], guessed: [], dropped: [], proposals: [], schemaIssues: [], check: [] };
  try {
    if (conversion.error && conversion.convertible.includes(input)) throw new ImportError(conversion.error);
    const { source, recognition } = await analyse(input, registries, { code: options.code, converted: conversion.converted });
    const plan = planEdition(recognition, root, { version: options.version, input });
    Object.assign(result, { format: source.format, code: plan.code, title: recognition.title, version: plan.version, newEdition: plan.newEdition });
    result.mapped = recognition.mapped;
    result.guessed = recognition.guessed;
    result.dropped = [...source.removals, ...recognition.dropped].map((r) => ({ ...r, where: where(r, source.unit) }));
    result.proposals = proposals(recognition, registries);
    result.schemaIssues = plan.schemaIssues;
    for (const file of plan.files) {
      await mkdir(path.dirname(path.join(root, file.rel)), { recursive: true });
      await writeFile(path.join(root, file.rel), file.content, { flag: 'wx' }); // wx: never overwrite
      result.written.push(file.rel);
    }
  } catch (error) {
    result.status = 'failed';
    result.error = error instanceof ImportError ? error.message : `внутренняя ошибка импорта: ${(error as Error).message ?? String(error)}`;
  }
  return result;
}

/** Old addresses of the imported files recorded in registries/legacy-urls.json; returns what could not be recorded. */
async function recordOldAddresses(results: FileResult[], found: Array<{ base: string }>, legacy: LegacySource, root: string): Promise<string[]> {
  const problems: string[] = [];
  const entries: LegacyRedirect[] = [];
  for (const [i, r] of results.entries()) {
    if (r.status === 'failed' || !r.code) continue;
    r.legacy = oldAddresses(r.input, found[i]!.base, legacy);
    entries.push(...r.legacy.map((from) => ({ from, code: r.code!, file: path.basename(r.input) })));
  }
  for (const m of legacy.map ?? [])
    if (!results.some((r) => r.legacy?.includes(m.from)))
      problems.push(`строка ${m.line}: «${m.from}» → «${m.file}»: файл не импортирован или не найден среди входных`);
  try {
    problems.push(...(await recordLegacy(root, entries)).conflicts);
  } catch (error) {
    problems.push(error instanceof ImportError ? error.message : String(error));
  }
  return problems;
}

/** `npm run check` once over the result; each finding goes to the file that wrote it (legacy-urls.json to the files with old addresses). */
async function checkWritten(results: FileResult[], options: BatchOptions, root: string) {
  const checked = await runCheck({ ...options.config, contentRootAbs: root }, audienceSites(options.config));
  for (const m of checked.messages) {
    const rel = path
      .relative(root, m.file ?? '')
      .split(path.sep)
      .join('/');
    const owner = results.find((r) => r.written.includes(rel)) ?? (rel === 'registries/legacy-urls.json' ? results.find((r) => r.legacy?.length) : undefined);
    if (!owner) continue;
    owner.check.push({
      file: `${options.out.replace(/\/$/, '')}/${rel}`,
      line: m.line ?? 1,
      column: m.column ?? 1,
      severity: m.fatal ? 'error' : 'warning',
      message: m.reason,
      ruleId: m.ruleId ?? '',
    });
  }
}
