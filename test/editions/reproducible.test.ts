import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addMonths } from '../../src/lib/dates.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { sharedBuild, sharedRoot } from '../helpers/shared-build.ts';

/**
 * Same sources + same date ⇒ byte-identical dist/. Two builds of one content root, each with its own
 * output and Astro cache folder, are compared file by file; so is a third, built again with the second's
 * caches (every page copied from its incremental cache, the search index made again from them).
 */
const BUILD_DATE = '2025-03-01';
let root: string;
let first: BuildResult;
let second: BuildResult;
let rebuilt: BuildResult;

async function hashes(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, string>();
  for (const file of files) {
    const full = path.join(file.parentPath, file.name);
    out.set(
      path.relative(dir, full),
      createHash('sha256')
        .update(await readFile(full))
        .digest('hex'),
    );
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

beforeAll(async () => {
  // The run's shared build of the editions fixture, and a second build of the same root here.
  root = (await sharedRoot('editions'))!;
  first = await sharedBuild('editions', { date: BUILD_DATE });
  const caches = { ND_CACHE_DIR: path.join(await mkdtemp(path.join(tmpdir(), 'nd-reproducible-')), 'cache') };
  second = await buildSite({ root, date: BUILD_DATE, env: caches });
  rebuilt = await buildSite({ root, date: BUILD_DATE, env: caches });
});

describe('reproducible builds', () => {
  it('two builds of the same sources at the same date give identical dist/ trees', async () => {
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.outDir).not.toBe(second.outDir);
    const [a, b] = await Promise.all([hashes(first.outDir), hashes(second.outDir)]);
    // Not vacuous: pages, the edition pages, feed, export and the search index are all compared.
    expect([...a.keys()]).toEqual(
      expect.arrayContaining([
        'index.html',
        'nd/pr-901/2.0/changes/index.html',
        'nd/as-of/index.html',
        'feed.xml',
        'registry.json',
        'pagefind/pagefind-entry.json',
      ]),
    );
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  it('a rebuild from the incremental caches gives the same dist/ as a cold build, search index included', async () => {
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/из кэша прошлой сборки [1-9]/);
    const [a, c] = await Promise.all([hashes(first.outDir), hashes(rebuilt.outDir)]);
    expect([...c.keys()]).toEqual([...a.keys()]);
    expect([...a].filter(([file, hash]) => c.get(file) !== hash).map(([file]) => file)).toEqual([]);
  });

  it('every date in dist/ comes from the sources or is the build date: no wall clock', async () => {
    const DATE = /\b(?:19|20)\d{2}-[01]\d-[0-3]\d\b/g;
    const datesIn = async (dir: string, pattern: RegExp) => {
      const found = new Set<string>();
      for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (e.isFile() && pattern.test(e.name)) for (const m of (await readFile(path.join(e.parentPath, e.name), 'utf8')).matchAll(DATE)) found.add(m[0]);
      }
      return found;
    };
    const written = await datesIn(root, /\.(mdx|json)$/);
    // Review dates are computed from the sources: a written date plus a review period in months.
    const periods = new Set<number>(
      (JSON.parse(await readFile(path.join(root, 'registries/document-types.json'), 'utf8')) as { items: { reviewPeriod?: number }[] }).items.flatMap((t) =>
        t.reviewPeriod ? [t.reviewPeriod] : [],
      ),
    );
    const known = new Set([...written, ...[...written].flatMap((date) => [...periods].map((months) => addMonths(date, months)))]);
    const published = await datesIn(first.outDir, /\.(html|xml|json|js|css|txt)$/);
    expect(published).toContain(BUILD_DATE);
    expect([...published].filter((date) => !known.has(date) && date !== BUILD_DATE)).toEqual([]);
  });
});
