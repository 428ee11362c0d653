import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildResult } from './build-site.ts';

/**
 * The store behind test/helpers/shared-build.ts, without vitest's runtime: the global setup (main
 * process) checks and removes it, test files (each in its own process) fill it.
 */

export const RESULT = 'result.json';

/**
 * Run by the global teardown: every shared output must be as its build left it. A test that wrote into
 * one would change what the next test file reads, so the run fails, naming the build.
 */
export async function verifySharedBuilds(store: string): Promise<void> {
  const changed: string[] = [];
  for (const entry of existsSync(store) ? await readdir(store, { withFileTypes: true }) : []) {
    const file = path.join(store, entry.name, RESULT);
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const built = JSON.parse(await readFile(file, 'utf8')) as BuildResult & { fingerprint: string };
    if ((await fingerprint(built.outDir)) !== built.fingerprint) changed.push(entry.name);
  }
  if (changed.length) throw new Error(`общие сборки изменены тестами (копируйте их через privateCopy): ${changed.join(', ')}`);
}

/** Digest of every file's path and bytes under `dir` ('' when there is no such folder). */
export async function fingerprint(dir: string): Promise<string> {
  if (!existsSync(dir)) return '';
  const hash = createHash('sha1');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(`${path.relative(dir, file)}\0`).update(await readFile(file));
  return hash.digest('hex');
}

/**
 * `compute()` once per run across test processes: the value is written to `file` (atomically, by a
 * rename), a lock folder keeps a second process from computing it at the same time.
 */
export async function once<T>(file: string, compute: () => Promise<T>): Promise<T> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as T;
  await mkdir(path.dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  try {
    await mkdir(lock);
  } catch {
    // Another test process is computing it: wait for its result (builds take seconds, not minutes).
    for (let waited = 0; !existsSync(file); waited += 200) {
      // It failed (its lock is gone, no result): compute it here.
      if (!existsSync(lock)) return once(file, compute);
      if (waited > 600_000) throw new Error(`${file}: нет результата общей сборки за 10 минут`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return JSON.parse(await readFile(file, 'utf8')) as T;
  }
  try {
    const value = await compute();
    await writeFile(`${file}.tmp`, JSON.stringify(value));
    await rename(`${file}.tmp`, file);
    return value;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
