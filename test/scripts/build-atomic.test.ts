import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { projectRoot } from '../helpers/content-root.ts';

/**
 * A failed build never leaves a half-written site: the previous dist/ stays byte for byte, and nothing
 * is left next to it — whether the checker stops the build, or the page build dies half-way.
 */
const MINIMAL = path.join(projectRoot, 'test/bad-input/minimal');
const EDITION = 'documents/pr-001/editions/1.0.mdx';
const DATE = '2026-11-26';

let work: string;
let root: string;
let out: string;
let good: Map<string, string>;

/** Every file under a folder with the hash of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return new Map(
    files
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** What sits next to the output folder besides the output itself (staging or old copies). */
const siblings = async () => (await readdir(work)).filter((name) => name !== 'dist' && name !== 'root' && name !== 'cache');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'nd-atomic-'));
  root = path.join(work, 'root');
  out = path.join(work, 'dist');
  await cp(MINIMAL, root, { recursive: true });
  const built = await buildSite({ root, date: DATE, outDir: out });
  if (built.code !== 0) throw new Error(`первая сборка не удалась:\n${built.stdout}\n${built.stderr}`);
  good = await snapshot(out);
});

describe('a failed build into the same output', () => {
  it('the first build produced a site', () => {
    expect(good.has('nd/pr-001/index.html')).toBe(true);
    expect(good.size).toBeGreaterThan(20);
  });

  it('a content error stops it: dist/ byte-identical, nothing left beside it', async () => {
    const file = path.join(root, EDITION);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('title: Порядок', 'title: [Порядок'));
    try {
      const result = await buildSite({ root, date: DATE, outDir: out });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/сборка остановлена: в содержимом ошибок \d+; прежний сайт .* не изменён/);
      expect(await snapshot(out)).toEqual(good);
      expect(await siblings()).toEqual([]);
    } finally {
      await writeFile(file, text);
    }
  });

  it('the page build killed half-way: dist/ byte-identical, its work folder removed by the next build', async () => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--root', root, '--date', DATE, '--out', out], {
      cwd: projectRoot,
      env: { ...process.env, ND_CACHE_DIR: path.join(work, 'cache') },
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    // Astro runs inside the build script: kill the build itself once Astro has started writing pages.
    const building = path.join(projectRoot, '.nd', `build-${child.pid}`);
    await waitFor(() => (existsSync(building) ? true : undefined), 60_000);
    child.kill('SIGKILL');
    expect(await closed).toBe(-1);
    expect(await snapshot(out)).toEqual(good);
    const next = await buildSite({ root, date: DATE, outDir: out });
    expect(next.code).toBe(0);
    expect(existsSync(building)).toBe(false);
    expect(await snapshot(out)).toEqual(good);
    expect(await siblings()).toEqual([]);
  });

  it('leftovers of a build killed outright are cleaned up by the next one, and a lost dist/ comes back', async () => {
    // As if a build (pid 999999, long gone) died between moving dist/ away and moving the new site in.
    await mkdir(path.join(work, 'dist.staging-999999/nd'), { recursive: true });
    await cp(out, path.join(work, 'dist.old-999999'), { recursive: true });
    await cp(out, path.join(work, 'moved'), { recursive: true });
    await rm(out, { recursive: true });
    await writeFile(path.join(root, EDITION), (await readFile(path.join(root, EDITION), 'utf8')).replace('title: Порядок', 'title: [Порядок'));
    try {
      const result = await buildSite({ root, date: DATE, outDir: out });
      expect(result.code).toBe(1);
      expect(await snapshot(out)).toEqual(good);
      expect((await siblings()).filter((name) => name !== 'moved')).toEqual([]);
    } finally {
      await cp(path.join(MINIMAL, EDITION), path.join(root, EDITION));
    }
  });
});

describe('an output folder that is not a site', () => {
  it("the content root, or a folder with the user's files: refused before any work, nothing in it touched", async () => {
    const content = await snapshot(root);
    const notes = path.join(work, 'notes');
    await mkdir(notes);
    await writeFile(path.join(notes, 'план.txt'), 'мои заметки');
    for (const [target, reason] of [
      [root, /сборка не начата: папка вывода «.*» — это папка содержимого/],
      [notes, /сборка не начата: .* не пуста и не похожа на собранный порталом сайт/],
    ] as const) {
      const result = await buildSite({ root, date: DATE, outDir: target });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(reason);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await snapshot(root)).toEqual(content);
    expect(await readdir(notes)).toEqual(['план.txt']);
  });
});

describe('the sites of --audiences are swapped as one', () => {
  it('a content error leaves every site and the nginx parts as they were', async () => {
    const sites = path.join(work, 'sites');
    const args = ['--audiences', 'public,internal'];
    const first = await buildSite({ root, date: DATE, outDir: sites, args });
    expect(first.code, first.stderr).toBe(0);
    const before = await snapshot(sites);
    expect(before.has('public/index.html')).toBe(true);
    expect(before.has('internal/nd/pr-001/index.html')).toBe(true);
    expect(before.has('_nginx/redirects.conf')).toBe(true);
    const file = path.join(root, EDITION);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('title: Порядок', 'title: [Порядок'));
    try {
      const failed = await buildSite({ root, date: DATE, outDir: sites, args });
      expect(failed.code).toBe(1);
      expect(await snapshot(sites)).toEqual(before);
      expect((await readdir(work)).filter((name) => name.startsWith('sites.'))).toEqual([]);
    } finally {
      await writeFile(file, text);
    }
  });
});

async function waitFor<T>(probe: () => T | undefined, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`не дождались за ${timeout} мс`);
}

if (!existsSync('/proc/self')) throw new Error('тест прерванной сборки читает /proc (Linux)');
