/**
 * `npm run bench [-- --docs 1000] [--seed S] [--runs N] [--no-bare] [--keep] [--json FILE]`
 *
 * For each corpus size (by default 1,000 documents: a run of a few minutes; `--docs 250,1000,4000` also
 * judges growth): generates a corpus (scripts/generate-corpus.ts) into a temporary folder, then measures,
 * each as a child process, the wall time, CPU time and peak memory of
 *   check   — `node scripts/check.ts --root DIR`, cold and after one edited edition;
 *   build   — `npm run build` with ND_CONTENT_ROOT=DIR (check, pages, search index), cold;
 *   rebuild — the same after one edited edition, with the caches the cold build left;
 *   bare    — the same corpus built by a bare Astro + @astrojs/mdx site (test/bench-fixture/bare) + `pagefind --site`;
 * and weighs the output: dist/ size, HTML of a document page, CSS and JavaScript a document page loads
 * before search is opened (Pagefind excluded), search index. Prints a table with the growth between
 * sizes, the budgets of issue 21 (the site against the bare one, side by side, and the rebuild) and of
 * issue 8, and writes everything to .nd/bench/latest.json.
 *
 * Peak memory is the largest resident set of any process of the phase (`/usr/bin/time -v`; without it,
 * of any Node process, recorded at exit). */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { analysisCacheFile } from '../src/analysis/analyse-pool.ts';
import { generateCorpus, type GenerateResult } from './generate-corpus.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BARE_ROOT = path.join(PROJECT_ROOT, 'test/bench-fixture/bare');
const TIME = '/usr/bin/time';
const BUILD_DATE = '2026-06-01';
/** How many document pages are parsed for the CSS and JavaScript they load. */
const ASSET_SAMPLE = 40;

interface Phase {
  ok: boolean;
  exitCode: number | null;
  wallSeconds: number;
  /** User + system CPU time of the phase's processes (`/usr/bin/time -v`): steadier than wall time on a busy machine. */
  cpuSeconds: number | null;
  peakRssMB: number | null;
  /** Sub-phases the build reports in its log (`• страницы  12.3 с`). */
  steps?: Record<string, number>;
  error?: string;
  /** The failure of a first attempt that was repeated. */
  retriedAfter?: string;
}

interface SiteWeight {
  distMB: number;
  files: number;
  documentPages: number;
  htmlKB: number;
  /** Per document page, averaged over a sample: external and inline CSS and JavaScript, Pagefind excluded. */
  cssJs: { rawKB: number; gzipKB: number; files: number; maxGzipKB: number };
  /** A document page names a Pagefind file before search is opened. */
  searchEager: boolean;
  searchIndexMB: number;
  searchIndexFiles: number;
}

interface SizeResult {
  docs: number;
  corpus: Omit<GenerateResult, 'out'> & { seconds: number };
  check: Phase;
  /** `npm run check` again after editing one edition, with the analysis cache of the run before. */
  checkEdit?: Phase;
  build: Phase;
  /** `npm run build` again after editing one edition, with the cache (content store, pages) of the cold build. */
  rebuild?: Phase & { rendered?: number; reused?: number };
  buildSite?: SiteWeight;
  bare?: { astro: Phase; pagefind: Phase; wallSeconds: number; cpuSeconds: number | null; peakRssMB: number | null; ok: boolean; site?: SiteWeight };
  /** Full build wall time over bare build wall time. */
  ratio?: number;
}

// ---------------------------------------------------------------------------------------------
// Running a phase

const hasTime = (() => {
  try {
    return spawnSync(TIME, ['-v', 'true'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
})();

function runOnce(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  work: string,
  logName: string,
  cwd = PROJECT_ROOT,
): Promise<Phase & { output: string }> {
  const timeFile = path.join(work, `${logName}.time`);
  const rssFile = path.join(work, `${logName}.rss`);
  rmSync(timeFile, { force: true });
  rmSync(rssFile, { force: true });
  let file = command;
  let argv = args;
  const childEnv = { ...env };
  if (hasTime) {
    file = TIME;
    argv = ['-v', '-o', timeFile, command, ...args];
  } else {
    // No GNU time: every Node process of the phase appends its own peak RSS at exit.
    const preload = path.join(work, 'rss-preload.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(rssFile)}, process.resourceUsage().maxRSS + '\\n'));\n`,
    );
    childEnv.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${preload}`.trim();
  }
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (exitCode) => {
      const wallSeconds = (performance.now() - started) / 1000;
      writeFileSync(path.join(work, `${logName}.log`), output);
      let peakKB: number | null = null;
      let cpuSeconds: number | null = null;
      if (hasTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (m) peakKB = Number(m[1]);
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const system = /System time \(seconds\): ([\d.]+)/.exec(report);
        if (user && system) cpuSeconds = Number(user[1]) + Number(system[1]);
      } else if (existsSync(rssFile)) {
        peakKB = Math.max(...readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number));
      }
      const ok = exitCode === 0;
      const tail = output
        .replace(/\x1b\[[0-9;]*m/g, '')
        .trim()
        .split('\n')
        .filter((l) => !/^\s+at /.test(l))
        .slice(-6)
        .join('\n');
      resolve({
        ok,
        exitCode,
        wallSeconds,
        cpuSeconds,
        peakRssMB: peakKB === null ? null : peakKB / 1024,
        output,
        ...(ok ? {} : { error: tail || `код выхода ${exitCode}` }),
      });
    });
  });
}

/** Runs a phase `runs` times; keeps the fastest wall time and the largest peak memory. */
async function runPhase(
  runs: number,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  work: string,
  logName: string,
  before?: () => void,
): Promise<Phase & { output: string }> {
  let best: (Phase & { output: string }) | undefined;
  for (let i = 0; i < runs; i++) {
    before?.();
    const result = await runOnce(command, args, env, work, logName);
    if (!result.ok) return result;
    const peak = Math.max(best?.peakRssMB ?? 0, result.peakRssMB ?? 0) || null;
    best = !best || result.wallSeconds < best.wallSeconds ? { ...result, peakRssMB: peak } : { ...best, peakRssMB: peak };
  }
  return best as Phase & { output: string };
}

const strip = ({ output: _output, ...phase }: Phase & { output: string }): Phase => phase;

/** `• страницы  12.3 с  …` lines of scripts/build.ts. */
function buildSteps(output: string): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const m of output.matchAll(/^• (\S+)\s+([\d.]+) с/gm)) steps[m[1] as string] = Number(m[2]);
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Weighing a built site

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const sizeOf = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0);
const gz = (bytes: Buffer | string) => gzipSync(bytes).length;
const isSearch = (url: string) => /pagefind/i.test(url);
const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** Static imports of an ES module (dynamic `import()` loads later and is not counted). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) found.push(m[1] as string);
  for (const m of code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*["']([^"']+)["']/g)) found.push(m[1] as string);
  return found;
}

interface PageAssets {
  raw: number;
  gzip: number;
  files: number;
  searchEager: boolean;
}

/** CSS and JavaScript a page loads before search is used: stylesheets, scripts, modulepreloads and their static imports, inline styles and scripts. */
function pageAssets(dist: string, pagePath: string, html: string, cache: Map<string, Buffer | null>): PageAssets {
  const base = new URL(`http://site${pagePath}`);
  const queue: Array<{ url: URL; kind: 'css' | 'js' }> = [];
  let searchEager = false;
  let raw = 0;
  let gzip = 0;
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    const kind = rel.includes('stylesheet') ? 'css' : rel.includes('modulepreload') ? 'js' : undefined;
    if (!kind) continue;
    if (isSearch(href)) searchEager = true;
    else queue.push({ url: new URL(href, base), kind });
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = `<script${m[1]}>`;
    const src = attr(tag, 'src');
    const type = (attr(tag, 'type') ?? '').toLowerCase();
    if (type && !/module|javascript/.test(type)) continue; // JSON-LD and other data
    if (src) {
      if (isSearch(src)) searchEager = true;
      else queue.push({ url: new URL(src, base), kind: 'js' });
    } else if (m[2]?.trim()) {
      raw += Buffer.byteLength(m[2]);
      gzip += gz(m[2]);
      for (const spec of staticImports(m[2])) {
        if (isSearch(spec)) searchEager = true;
        else queue.push({ url: new URL(spec, base), kind: 'js' });
      }
    }
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    raw += Buffer.byteLength(m[1] ?? '');
    gzip += gz(m[1] ?? '');
  }
  const seen = new Set<string>();
  let files = 0;
  while (queue.length) {
    const { url, kind } = queue.shift() as { url: URL; kind: 'css' | 'js' };
    if (url.host !== 'site') continue;
    const key = url.pathname;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = path.join(dist, decodeURIComponent(key));
    if (!cache.has(file)) cache.set(file, existsSync(file) ? readFileSync(file) : null);
    const bytes = cache.get(file);
    if (!bytes) continue;
    files++;
    raw += bytes.length;
    gzip += gz(bytes);
    if (kind === 'js') for (const spec of staticImports(bytes.toString('utf8'))) if (!isSearch(spec)) queue.push({ url: new URL(spec, url), kind: 'js' });
    if (kind === 'css')
      for (const im of bytes.toString('utf8').matchAll(/@import\s+(?:url\()?["']?([^"')\s]+)/g))
        queue.push({ url: new URL(im[1] as string, url), kind: 'css' });
  }
  return { raw, gzip, files, searchEager };
}

/** Weighs a built site; `documentPages` are paths like `/nd/pr-012/`. */
function weigh(dist: string, documentPages: string[]): SiteWeight {
  const all = walk(dist);
  const pages = documentPages.map((p) => ({ p, file: path.join(dist, p, 'index.html') })).filter(({ file }) => existsSync(file));
  const htmlBytes = sizeOf(pages.map(({ file }) => file));
  const step = Math.max(1, Math.floor(pages.length / ASSET_SAMPLE));
  const sample = pages.filter((_, i) => i % step === 0).slice(0, ASSET_SAMPLE);
  const cache = new Map<string, Buffer | null>();
  const assets = sample.map(({ p, file }) => pageAssets(dist, p, readFileSync(file, 'utf8'), cache));
  const avg = (f: (a: PageAssets) => number) => (assets.length ? assets.reduce((s, a) => s + f(a), 0) / assets.length : 0);
  const index = walk(path.join(dist, 'pagefind'));
  return {
    distMB: sizeOf(all) / 1e6,
    files: all.length,
    documentPages: pages.length,
    htmlKB: pages.length ? htmlBytes / pages.length / 1000 : 0,
    cssJs: {
      rawKB: avg((a) => a.raw) / 1000,
      gzipKB: avg((a) => a.gzip) / 1000,
      files: avg((a) => a.files),
      maxGzipKB: Math.max(0, ...assets.map((a) => a.gzip)) / 1000,
    },
    searchEager: assets.some((a) => a.searchEager),
    searchIndexMB: sizeOf(index) / 1e6,
    searchIndexFiles: index.length,
  };
}

// ---------------------------------------------------------------------------------------------

interface SizeOptions {
  seed: number;
  runs: number;
  bare: boolean;
  keep: boolean;
  tmp: string;
}

/** One corpus size: the check, the site's build and rebuild, the bare site, each a child process. */
async function benchSize(docs: number, options: SizeOptions): Promise<SizeResult> {
  const work = path.join(options.tmp, String(docs));
  mkdirSync(work, { recursive: true });
  const content = path.join(work, 'content');
  const genStart = performance.now();
  const { out: _out, ...corpus } = generateCorpus({ docs, seed: options.seed, out: content });
  const generated = { ...corpus, seconds: (performance.now() - genStart) / 1000 };
  say(`${docs}: корпус ${corpus.documents}+${corpus.copied} документов, ${corpus.editions} редакций, ${(corpus.bytes / 1e6).toFixed(1)} МБ`);
  const documentPaths = readdirSync(path.join(content, 'documents')).sort();
  const env = { ...process.env, ND_CONTENT_ROOT: content, ND_BUILD_DATE: BUILD_DATE, FORCE_COLOR: '0', NO_COLOR: '1' };
  const edit = editionEditor(content, documentPaths);
  // Astro keeps its prerender chunks inside the output folder only when that folder is under the working
  // directory, otherwise in <cwd>/.astro/.prerender, shared by every build of the project running at the
  // time (and under /tmp the chunks would not find node_modules). Both sites are therefore built under
  // .nd/bench/ of the project.
  const siteWork = path.join(PROJECT_ROOT, '.nd/bench', `${path.basename(options.tmp)}-${docs}`);
  let result: SizeResult;
  try {
    const checks = await benchCheck(docs, { env, work, runs: options.runs, edit });
    const built = await benchBuild(docs, { env, work, siteWork, content, runs: options.runs, keep: options.keep, edit, documentPaths });
    result = { docs, corpus: generated, ...checks, ...built };
    if (options.bare) {
      result.bare = await benchBare(docs, { work, siteWork, content, runs: options.runs, keep: options.keep, documentPaths });
      if (result.build.ok && result.bare?.ok) result.ratio = result.build.wallSeconds / result.bare.wallSeconds;
    }
  } finally {
    edit.restore();
  }
  if (!options.keep) {
    rmSync(work, { recursive: true, force: true });
    rmSync(siteWork, { recursive: true, force: true });
  }
  return result;
}

/** Edits (and restores) one edition in the middle of the corpus, as an author would between two runs. */
function editionEditor(content: string, documentPaths: string[]) {
  const editable = path.join(content, 'documents', documentPaths[Math.floor(documentPaths.length / 2)] ?? '', 'editions');
  const edited = path.join(editable, readdirSync(editable).sort().at(-1) ?? '');
  const original = readFileSync(edited, 'utf8');
  return {
    apply: (n: number) => writeFileSync(edited, `${original.trimEnd()}\n\nПравка для замера № ${n}.\n`),
    restore: () => writeFileSync(edited, original),
  };
}

type Editor = ReturnType<typeof editionEditor>;

/** `npm run check` cold, then the author's loop: the analysis cache warm, one edition changed, the check again. */
async function benchCheck(
  docs: number,
  o: { env: NodeJS.ProcessEnv; work: string; runs: number; edit: Editor },
): Promise<Pick<SizeResult, 'check' | 'checkEdit'>> {
  const args = ['--import', './scripts/compile-cache.ts', 'scripts/check.ts', '--root', o.env.ND_CONTENT_ROOT as string, '--date', BUILD_DATE];
  const runCheck = (label: string, env: NodeJS.ProcessEnv, runs = 1) => runPhase(runs, process.execPath, args, env, o.work, label).then(strip);
  const check = await runCheck('check', o.env, o.runs);
  say(`${docs}: check ${phaseText(check)}`);
  const cachedEnv = { ...o.env, ND_CACHE: 'on' };
  await runCheck('check-warm', cachedEnv);
  o.edit.apply(1);
  const checkEdit = await runCheck('check-edit', cachedEnv);
  o.edit.restore();
  rmSync(analysisCacheFile(o.env.ND_CONTENT_ROOT as string), { force: true });
  say(`${docs}: check после правки одного файла ${phaseText(checkEdit)}`);
  return { check, checkEdit };
}

interface BuildOptions {
  env: NodeJS.ProcessEnv;
  work: string;
  siteWork: string;
  content: string;
  runs: number;
  keep: boolean;
  edit: Editor;
  documentPaths: string[];
}

/**
 * `npm run build` cold (no cache of any kind), then again after one edited edition with what the cold
 * build left: Astro's incremental pages, the renderer's cache, and the checker's analysis cache, which a
 * real content root has by default (ND_CACHE=auto leaves out only roots in the temporary folder, this one).
 */
async function benchBuild(docs: number, o: BuildOptions): Promise<Pick<SizeResult, 'build' | 'rebuild' | 'buildSite'>> {
  const dist = path.join(o.siteWork, 'dist');
  const cache = path.join(o.work, 'cache');
  const buildEnv = { ...o.env, ND_CACHE_DIR: cache, ND_CACHE: 'on' };
  const clean = () => {
    rmSync(dist, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    rmSync(analysisCacheFile(o.content), { force: true });
  };
  const args = ['run', '--silent', 'build', '--', '--out', dist];
  let build = await runPhase(o.runs, 'npm', args, buildEnv, o.work, 'build', clean);
  let retried: string | undefined;
  if (!build.ok && /^• проверка/m.test(build.output)) {
    // Builds of the same project share its .astro/ folder: another build running at the same time can
    // break this one after a passing check. Try once more and keep the first failure in the report.
    retried = build.error;
    say(`${docs}: build не удалась, повтор: ${retried?.split('\n')[0]}`);
    build = await runPhase(o.runs, 'npm', args, buildEnv, o.work, 'build', clean);
  }
  const result: Pick<SizeResult, 'build' | 'rebuild' | 'buildSite'> = {
    build: { ...strip(build), steps: buildSteps(build.output), ...(retried ? { retriedAfter: retried } : {}) },
  };
  say(`${docs}: build ${phaseText(result.build)}${stepsText(result.build.steps)}`);
  if (result.build.ok) {
    result.buildSite = weigh(
      dist,
      o.documentPaths.map((slug) => `/nd/${slug}/`),
    );
    o.edit.apply(2);
    const rebuild = await runOnce('npm', args, buildEnv, o.work, 'rebuild');
    o.edit.restore();
    const pages = /отрисовано (\d+), из кэша прошлой сборки (\d+)/.exec(rebuild.output);
    result.rebuild = { ...strip(rebuild), steps: buildSteps(rebuild.output), rendered: Number(pages?.[1]), reused: Number(pages?.[2]) };
    say(
      `${docs}: rebuild после правки одной редакции ${phaseText(result.rebuild)}${stepsText(result.rebuild.steps)}; страниц отрисовано ${pages?.[1] ?? '?'}, из кэша ${pages?.[2] ?? '?'}`,
    );
  }
  if (!o.keep) clean();
  return result;
}

const stepsText = (steps: Record<string, number> | undefined) =>
  Object.keys(steps ?? {}).length
    ? ` (${Object.entries(steps ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`
    : '';

/** The bare site: Astro + @astrojs/mdx, then `pagefind --site`, as one unit; the fastest pair of `runs` attempts. */
async function benchBare(
  docs: number,
  o: { work: string; siteWork: string; content: string; runs: number; keep: boolean; documentPaths: string[] },
): Promise<SizeResult['bare']> {
  const bareDist = path.join(o.siteWork, 'bare-dist');
  const bareCache = path.join(o.work, 'bare-cache');
  const bareEnv = { ...process.env, BENCH_CONTENT: o.content, BENCH_OUT: bareDist, BENCH_CACHE: bareCache, FORCE_COLOR: '0', NO_COLOR: '1' };
  const cleanBare = () => {
    rmSync(bareDist, { recursive: true, force: true });
    rmSync(bareCache, { recursive: true, force: true });
  };
  let best: NonNullable<SizeResult['bare']> | undefined;
  for (let i = 0; i < o.runs; i++) {
    cleanBare();
    const astro = strip(
      await runOnce(
        process.execPath,
        [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', BARE_ROOT, '--silent'],
        bareEnv,
        o.work,
        'bare-astro',
      ),
    );
    const pagefind = astro.ok
      ? strip(await runOnce(path.join(PROJECT_ROOT, 'node_modules/.bin/pagefind'), ['--site', bareDist], bareEnv, o.work, 'bare-pagefind'))
      : { ok: false, exitCode: null, wallSeconds: 0, cpuSeconds: null, peakRssMB: null, error: 'не запускался' };
    const peak = Math.max(astro.peakRssMB ?? 0, pagefind.peakRssMB ?? 0, best?.peakRssMB ?? 0) || null;
    const cpuSeconds = astro.cpuSeconds !== null && pagefind.cpuSeconds !== null ? astro.cpuSeconds + pagefind.cpuSeconds : null;
    const attempt = { astro, pagefind, wallSeconds: astro.wallSeconds + pagefind.wallSeconds, cpuSeconds, peakRssMB: peak, ok: astro.ok && pagefind.ok };
    if (!attempt.ok) {
      best = attempt;
      break;
    }
    best = !best || attempt.wallSeconds < best.wallSeconds ? attempt : { ...best, peakRssMB: peak };
  }
  if (best?.ok) {
    const editionPages = o.documentPaths.flatMap((slug) =>
      readdirSync(path.join(o.content, 'documents', slug, 'editions')).map((name) => `/nd/${slug}/editions/${name.replace(/\.mdx$/, '')}/`),
    );
    best.site = weigh(bareDist, editionPages);
  }
  say(
    `${docs}: bare ${best ? `${best.ok ? '' : 'НЕ УДАЛАСЬ '}${best.wallSeconds.toFixed(1)} с, CPU ${cpu(best.cpuSeconds)} (astro ${best.astro.wallSeconds.toFixed(1)}, pagefind ${best.pagefind.wallSeconds.toFixed(1)}), пик ${mb(best.peakRssMB)}` : '—'}`,
  );
  if (!o.keep) cleanBare();
  return best;
}

// ---------------------------------------------------------------------------------------------
// Report

const say = (line: string) => process.stderr.write(`  ${line}\n`);
const mb = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${Math.round(value)} МБ`);
const cpu = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? '—' : `${seconds.toFixed(1)} с`);
const phaseText = (p: Phase) =>
  p.ok ? `${p.wallSeconds.toFixed(1)} с, CPU ${cpu(p.cpuSeconds)}, пик ${mb(p.peakRssMB)}` : `НЕ УДАЛАСЬ (код ${p.exitCode}) за ${p.wallSeconds.toFixed(1)} с`;

type Row = [label: string, values: Array<number | null | undefined | string>, digits: number, growth: boolean];

function table(results: SizeResult[]): string {
  const fail = (ok: boolean | undefined, value: number | undefined | null) => (ok === false ? 'сбой' : value);
  const rows: Row[] = [
    ['редакций / файлов корпуса, МБ', results.map((r) => `${r.corpus.editions} / ${(r.corpus.bytes / 1e6).toFixed(1)}`), 0, false],
    ['check: время, с', results.map((r) => fail(r.check.ok, r.check.wallSeconds)), 2, true],
    ['check: пик RSS, МБ', results.map((r) => fail(r.check.ok, r.check.peakRssMB)), 0, true],
    ['check после правки одного файла, с', results.map((r) => fail(r.checkEdit?.ok, r.checkEdit?.wallSeconds)), 2, true],
    ['build: время, с', results.map((r) => fail(r.build.ok, r.build.wallSeconds)), 1, true],
    ['build: CPU (user+sys), с', results.map((r) => fail(r.build.ok, r.build.cpuSeconds)), 1, true],
    ...stepRows(results),
    ['build: пик RSS, МБ', results.map((r) => fail(r.build.ok, r.build.peakRssMB)), 0, true],
    ['rebuild после правки редакции, с', results.map((r) => fail(r.rebuild?.ok, r.rebuild?.wallSeconds)), 1, true],
    ['rebuild: CPU (user+sys), с', results.map((r) => fail(r.rebuild?.ok, r.rebuild?.cpuSeconds)), 1, true],
    ...stepRows(results, 'rebuild'),
    ['rebuild / build', results.map((r) => (r.rebuild?.ok && r.build.ok ? r.rebuild.wallSeconds / r.build.wallSeconds : undefined)), 2, false],
    ['rebuild: страниц отрисовано / из кэша', results.map((r) => (r.rebuild ? `${r.rebuild.rendered} / ${r.rebuild.reused}` : undefined)), 0, false],
    ['bare: время (astro + pagefind), с', results.map((r) => fail(r.bare?.ok, r.bare?.wallSeconds)), 1, true],
    ['bare: CPU (user+sys), с', results.map((r) => fail(r.bare?.ok, r.bare?.cpuSeconds)), 1, true],
    ['bare: пик RSS, МБ', results.map((r) => fail(r.bare?.ok, r.bare?.peakRssMB)), 0, true],
    ['build / bare', results.map((r) => r.ratio), 2, false],
    ['dist, МБ', results.map((r) => r.buildSite?.distMB), 1, true],
    ['HTML страницы документа, КБ', results.map((r) => r.buildSite?.htmlKB), 1, true],
    ['CSS+JS страницы, КБ', results.map((r) => r.buildSite?.cssJs.rawKB), 1, true],
    ['CSS+JS страницы gzip, КБ', results.map((r) => r.buildSite?.cssJs.gzipKB), 1, true],
    ['поисковый индекс, МБ', results.map((r) => r.buildSite?.searchIndexMB), 1, true],
    ['bare: dist, МБ', results.map((r) => r.bare?.site?.distMB), 1, true],
    ['bare: HTML страницы, КБ', results.map((r) => r.bare?.site?.htmlKB), 1, true],
    ['bare: CSS+JS gzip, КБ', results.map((r) => r.bare?.site?.cssJs.gzipKB), 1, true],
    ['bare: поисковый индекс, МБ', results.map((r) => r.bare?.site?.searchIndexMB), 1, true],
  ];
  const growthHeads = results.slice(1).map((r, i) => `×${(r.docs / (results[i] as SizeResult).docs).toFixed(1)} док.`);
  const head = [
    'документов',
    ...results.map((r) => String(r.docs)),
    ...growthHeads.map((g, i) => `рост ${(results[i] as SizeResult).docs}→${(results[i + 1] as SizeResult).docs} (${g})`),
  ];
  const body = rows.map(([label, values, digits, growth]) => {
    const cells = values.map((v) => (typeof v === 'number' ? v.toFixed(digits) : (v ?? '—')));
    const growthCells = results.slice(1).map((_, i) => {
      const a = values[i];
      const b = values[i + 1];
      return growth && typeof a === 'number' && typeof b === 'number' && a > 0 ? `×${(b / a).toFixed(2)}` : '';
    });
    return [label, ...cells, ...growthCells];
  });
  const all = [head, ...body];
  const widths = head.map((_, c) => Math.max(...all.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function stepRows(results: SizeResult[], phase: 'build' | 'rebuild' = 'build'): Row[] {
  const names = [...new Set(results.flatMap((r) => Object.keys(r[phase]?.steps ?? {})))].filter((n) => n !== 'готово');
  return names.map((name) => [`  ${phase} → ${name}, с`, results.map((r) => r[phase]?.steps?.[name]), 1, true] as Row);
}

type Mark = (ok: boolean | undefined, text: string) => void;

const nearest1000 = (results: SizeResult[]) =>
  results.reduce((best, r) => (Math.abs(r.docs - 1000) < Math.abs(best.docs - 1000) ? r : best), results[0] as SizeResult);

/**
 * The budgets of issue 21, judged at 1,000 documents (or the size nearest to it) against the bare Astro + MDX +
 * Pagefind site built from the same corpus in the same run: each with both sites' figures side by side.
 * Wall time decides, as the issue words it; CPU time is shown beside it, steadier when the machine is busy.
 */
function siteBudgets(at: SizeResult, mark: Mark) {
  const n = at.docs;
  const bare = at.bare?.ok ? at.bare : undefined;
  const both = (ours: Phase, theirs: { wallSeconds: number; cpuSeconds: number | null } | undefined) =>
    `сайт ${ours.wallSeconds.toFixed(1)} с (CPU ${cpu(ours.cpuSeconds)}), bare ${theirs ? `${theirs.wallSeconds.toFixed(1)} с (CPU ${cpu(theirs.cpuSeconds)})` : '—'}`;
  const cpuRatio = at.build.cpuSeconds && bare?.cpuSeconds ? `, по CPU ×${(at.build.cpuSeconds / bare.cpuSeconds).toFixed(2)}` : '';
  mark(
    at.ratio === undefined ? undefined : at.ratio <= 1.0,
    `сборка ≤ 1,0 × bare (${n} документов): ${at.ratio === undefined ? 'нет данных' : `×${at.ratio.toFixed(2)}${cpuRatio}`}; ${both(at.build, bare)}`,
  );
  const peak = at.build.ok ? at.build.peakRssMB : null;
  mark(
    peak && bare?.peakRssMB ? peak <= bare.peakRssMB : undefined,
    `пик памяти сборки не больше, чем у bare: сайт ${mb(peak)}, bare ${mb(bare?.peakRssMB)}${peak && bare?.peakRssMB ? ` (×${(peak / bare.peakRssMB).toFixed(2)})` : ''}`,
  );
  const share = at.rebuild?.ok && at.build.ok ? at.rebuild.wallSeconds / at.build.wallSeconds : undefined;
  const cpuShare = at.rebuild?.cpuSeconds && at.build.cpuSeconds ? `, по CPU ${Math.round((at.rebuild.cpuSeconds / at.build.cpuSeconds) * 100)} %` : '';
  mark(
    share === undefined ? undefined : share <= 0.15,
    `пересборка после правки одной редакции ≤ 15 % холодной: ${share === undefined || !at.rebuild ? 'нет данных' : `${Math.round(share * 100)} %${cpuShare}; ${at.rebuild.wallSeconds.toFixed(1)} с (CPU ${cpu(at.rebuild.cpuSeconds)}) из ${at.build.wallSeconds.toFixed(1)} с (CPU ${cpu(at.build.cpuSeconds)})`}`,
  );
}

/** Issue 21's budgets (siteBudgets), then issue 8's, judged at 1,000 documents and on the growth to 4,000. */
function budgets(results: SizeResult[]): string[] {
  const at = nearest1000(results);
  const lines: string[] = [];
  const mark: Mark = (ok, text) => lines.push(`${ok === undefined ? '?' : ok ? '✓' : '✗'} ${text}`);
  siteBudgets(at, mark);
  const n = at.docs;
  mark(at.check.ok ? at.check.wallSeconds <= 2 : undefined, `check ${n} документов ≤ 2 с: ${at.check.ok ? `${at.check.wallSeconds.toFixed(2)} с` : 'сбой'}`);
  mark(
    at.checkEdit?.ok ? at.checkEdit.wallSeconds <= 0.5 : undefined,
    `check после правки одного файла ≤ 0,5 с: ${at.checkEdit?.ok ? `${at.checkEdit.wallSeconds.toFixed(2)} с` : 'нет данных'}`,
  );
  const peak = Math.max(at.check.peakRssMB ?? 0, at.build.peakRssMB ?? 0);
  mark(peak ? peak <= 1024 : undefined, `пик памяти ≤ 1 ГБ (${n} документов): ${peak ? `${Math.round(peak)} МБ` : 'нет данных'}`);
  const big = results.find((r) => r.docs >= 4000);
  if (big) mark(big.build.peakRssMB ? big.build.peakRssMB <= 2048 : undefined, `пик памяти при ${big.docs} документах ≤ 2 ГБ: ${mb(big.build.peakRssMB)}`);
  const css = at.buildSite?.cssJs;
  mark(
    css ? css.maxGzipKB <= 15 : undefined,
    `CSS + JS страницы документа до открытия поиска ≤ 15 КБ gzip: ${css ? `${css.gzipKB.toFixed(1)} КБ в среднем, ${css.maxGzipKB.toFixed(1)} КБ наибольшее` : 'нет данных'}`,
  );
  mark(
    at.buildSite ? !at.buildSite.searchEager : undefined,
    `интерфейс поиска загружается только при поиске: ${at.buildSite ? (at.buildSite.searchEager ? 'страница документа загружает Pagefind сразу' : 'да') : 'нет данных'}`,
  );
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1] as SizeResult;
    const b = results[i] as SizeResult;
    const k = b.docs / a.docs;
    const grow = (x?: number | null, y?: number | null) => (x && y ? y / x : undefined);
    const html = grow(a.buildSite?.htmlKB, b.buildSite?.htmlKB);
    mark(
      html === undefined ? undefined : html <= 1.1,
      `HTML страницы документа не зависит от размера корпуса (${a.docs}→${b.docs}): ${html === undefined ? 'нет данных' : `×${html.toFixed(2)}`}`,
    );
    if (a.docs >= 1000 || results.length === 2) {
      const time = grow(a.build.ok ? a.build.wallSeconds : null, b.build.ok ? b.build.wallSeconds : null);
      const mem = grow(a.build.peakRssMB, b.build.peakRssMB);
      mark(
        time === undefined || mem === undefined ? undefined : time <= k * 1.1 && mem <= k * 1.1,
        `время и память растут не быстрее корпуса (${a.docs}→${b.docs}, ×${k.toFixed(1)}): время ×${time?.toFixed(2) ?? '—'}, память ×${mem?.toFixed(2) ?? '—'}`,
      );
    }
  }
  return lines;
}

function machine() {
  const cpus = os.cpus();
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return undefined;
    }
  };
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    astro: version('astro'),
    mdx: version('@astrojs/mdx'),
    pagefind: version('pagefind'),
    commit: git ? `${git}${dirty ? '+изменения' : ''}` : undefined,
    peakMemory: hasTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS процессов Node',
  };
}

async function main() {
  const usage = 'Использование: npm run bench -- [--docs 1000 | 250,1000,4000] [--seed S] [--runs N] [--no-bare] [--keep] [--json ФАЙЛ]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        docs: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        runs: { type: 'string', default: '1' },
        'no-bare': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        json: { type: 'string', default: '.nd/bench/latest.json' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  const sizes = values.docs.split(',').map((s) => Number(s.trim()));
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nd-bench-'));
  const info = machine();
  process.stderr.write(
    `Замер: ${sizes.join(', ')} документов, seed ${seed}, попыток ${runs}; ${info.cpu}, ядер ${info.cores}, Node ${info.node}, Astro ${info.astro}${values.keep ? `; папки: ${tmp}` : ''}\n`,
  );
  const results: SizeResult[] = [];
  try {
    for (const docs of [...sizes].sort((a, b) => a - b)) results.push(await benchSize(docs, { seed, runs, bare: !values['no-bare'], keep: values.keep, tmp }));
  } finally {
    if (!values.keep) {
      rmSync(tmp, { recursive: true, force: true });
      const sites = path.join(PROJECT_ROOT, '.nd/bench');
      for (const name of existsSync(sites) ? readdirSync(sites) : [])
        if (name.startsWith(`${path.basename(tmp)}-`)) rmSync(path.join(sites, name), { recursive: true, force: true });
    }
  }
  const date = new Date().toISOString();
  const text = [
    '',
    `Машина: ${info.cpu}, ядер ${info.cores}, ${info.memoryGB} ГБ, ${info.os}; Node ${info.node}, Astro ${info.astro}, @astrojs/mdx ${info.mdx}, Pagefind ${info.pagefind}; коммит ${info.commit ?? '—'}; ${date.slice(0, 16).replace('T', ' ')} UTC`,
    `Пик памяти — наибольший RSS одного процесса фазы (${info.peakMemory}); время — wall clock${runs > 1 ? `, лучшая из ${runs} попыток` : ''}.`,
    '',
    table(results),
    '',
    ...budgets(results),
    '',
  ].join('\n');
  process.stdout.write(`${text}\n`);
  const failures = results.flatMap((r) => [
    ...(r.check.ok ? [] : [`${r.docs}: check — ${r.check.error}`]),
    ...(r.build.ok ? [] : [`${r.docs}: build — ${r.build.error}`]),
    ...(r.bare && !r.bare.ok ? [`${r.docs}: bare — ${r.bare.astro.error ?? r.bare.pagefind.error}`] : []),
  ]);
  if (failures.length) process.stdout.write(`Сбои:\n${failures.map((f) => `  ${f.replace(/\n/g, '\n    ')}`).join('\n')}\n`);
  const jsonFile = path.resolve(PROJECT_ROOT, values.json);
  mkdirSync(path.dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify({ date, seed, runs, machine: info, results, budgets: budgets(results), table: table(results) }, null, 2)}\n`);
  process.stdout.write(`JSON: ${path.relative(process.cwd(), jsonFile)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Замер не выполнен: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
});
