import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import { digestFiles, moduleGraph } from '../lib/module-graph.ts';
import { analyseMdx, type MdxAnalysis } from './parse.ts';

/**
 * MDX analysis is the checker's only heavy step (micromark tokenises every byte). Unchanged files
 * come from a cache keyed by content and by the analysing code itself; the rest are split across
 * worker threads when there are enough of them to pay for starting the workers.
 */
const WORKER_THRESHOLD = 150;
const CACHE_DIR = path.resolve('node_modules/.cache/nd');
const WORKER_URL = new URL('./analyse-worker.ts', import.meta.url);

/**
 * What the analysis depends on: the analysing modules and everything they import, read from the
 * imports themselves (a hand-kept list went stale once), plus the locked package versions. Undefined
 * where the sources are not beside this module (inside Astro's bundle): no cache there.
 */
export function analyserVersion(projectRoot = sourceRoot()): string | undefined {
  if (!projectRoot) return undefined;
  const entries = ['src/analysis/analyse-worker.ts', 'src/analysis/parse.ts'].map((file) => path.join(projectRoot, file));
  if (!entries.every((entry) => existsSync(entry))) return undefined;
  return digestFiles(projectRoot, [...moduleGraph(entries), path.join(projectRoot, 'package-lock.json')]);
}

const sourceRoot = () => (import.meta.url.startsWith('file:') ? fileURLToPath(new URL('../..', import.meta.url)) : undefined);

/** Whether analyses are cached: `auto` (the default) caches real content roots, not throw-away ones in the temp folder (tests). */
export type AnalysisCache = 'auto' | 'on' | 'off';

const cacheEnabled = (root: string, mode: AnalysisCache) => mode === 'on' || (mode === 'auto' && !path.resolve(root).startsWith(tmpdir()));

/** One cache per content root, so checks of other roots (tests, benchmarks) do not evict it. */
export const analysisCacheFile = (root: string) => path.join(CACHE_DIR, `mdx-${createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 16)}.bin`);

function readCache(file: string, version: string): Map<string, MdxAnalysis> {
  try {
    const stored = deserialize(readFileSync(file)) as { version: string; entries: Array<[string, MdxAnalysis]> };
    return stored.version === version ? new Map(stored.entries) : new Map();
  } catch {
    return new Map();
  }
}

async function writeCache(file: string, version: string, entries: Map<string, MdxAnalysis>) {
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    const temp = `${file}.${process.pid}`;
    await writeFile(temp, serialize({ version, entries: [...entries] }));
    await rename(temp, file);
  } catch {
    // The cache only saves time: a read-only tree still checks correctly.
  }
}

/** `workers: false` analyses in this thread: a long-lived process (the language server) keeps its memory small that way. */
export async function analyseMdxFiles(files: VFile[], root: string, mode: AnalysisCache = 'auto', { workers = true } = {}): Promise<MdxAnalysis[]> {
  const version = cacheEnabled(root, mode) ? analyserVersion() : undefined;
  const file = analysisCacheFile(root);
  const cache = version ? readCache(file, version) : new Map<string, MdxAnalysis>();
  const keys = files.map((file) => createHash('sha1').update(file.path).update('\0').update(String(file.value)).digest('hex'));
  const results: Array<MdxAnalysis | undefined> = keys.map((key) => cache.get(key));
  const missing = results.flatMap((result, index) => (result ? [] : [index]));
  const fresh =
    workers && missing.length >= WORKER_THRESHOLD && canUseWorkers()
      ? await inWorkers(missing.map((i) => files[i]!))
      : missing.map((i) => analyseMdx(files[i]!));
  missing.forEach((fileIndex, k) => (results[fileIndex] = fresh[k]));
  if (version && missing.length > 0) {
    await writeCache(file, version, new Map(keys.map((key, i) => [key, results[i]!])));
  }
  return results as MdxAnalysis[];
}

/** Inside Astro's bundle the worker source is not beside this module: analyse in-thread there. */
function canUseWorkers(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

async function inWorkers(files: VFile[]): Promise<MdxAnalysis[]> {
  const count = Math.max(1, Math.min(availableParallelism(), 4));
  const chunks = Array.from({ length: count }, (_, w) => files.filter((_, i) => i % count === w));
  const parts = await Promise.all(chunks.map((chunk) => runWorker(chunk)));
  const out: MdxAnalysis[] = new Array(files.length);
  parts.forEach((part, w) => part.forEach((analysis, k) => (out[k * count + w] = analysis)));
  return out;
}

function runWorker(files: VFile[]): Promise<MdxAnalysis[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    worker.once('message', (analyses: MdxAnalysis[]) => {
      resolve(analyses);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.postMessage({ files: files.map((file) => ({ path: file.path, text: String(file.value) })) });
  });
}
