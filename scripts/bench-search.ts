/**
 * `npm run bench:search [-- --docs 1000] [--seed 1] [--skip-generated]`
 *
 * Search numbers for the real content and for a generated corpus (scripts/generate-corpus.ts):
 * index size, index build time, index size as a share of the site's text, and query times measured
 * in Chromium with performance.now() around pagefind.search (+ loading the first results' data):
 * the first query right after a page load, then later queries. Targets: first ≤ 300 ms,
 * later ≤ 50 ms, index ≤ 10 % of the text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexSite, searchList } from '../src/integration/search-index.ts';
import { loadConfig } from '../src/lib/config.ts';
import { prepareSite } from '../src/publish/prepare.ts';
import { audienceSites } from '../src/site/audience-pages.ts';
import { pagesOf } from '../src/site/pages.ts';
import { SEARCH_OPTIONS } from '../src/lib/search.ts';
import { launchChromium } from './chromium.ts';
import { startServer } from './serve.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const REAL_QUERIES = [
  'ПТ-035',
  'аудит',
  'клиентского опыта',
  '9.2',
  'ISO 19011',
  'качества',
  'руководство',
  'стандарты',
  'аудитора',
  'ИСО 9001',
  'политика',
  'СМК',
];

interface Measured {
  label: string;
  pages: number;
  indexBytes: number;
  fragmentBytes: number;
  bundleBytes: number;
  textBytes: number;
  htmlBytes: number;
  indexMs: number;
  firstMs: number;
  /** The first query when Pagefind was started at page load (the search page does so). */
  preloadedMs: number;
  laterMs: number[];
  /** Loading the data of the first five results of each query (not part of pagefind.search). */
  dataMs: number[];
}

async function main() {
  const { values } = parseArgs({
    options: { docs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, 'skip-generated': { type: 'boolean', default: false } },
  });
  const work = await mkdtemp(path.join(tmpdir(), 'nd-bench-search-'));
  const rows: Measured[] = [];
  try {
    rows.push(await measure('реальное содержимое', undefined, work, REAL_QUERIES));
    if (!values['skip-generated']) {
      const generator = path.join(ROOT, 'scripts/generate-corpus.ts');
      if (!existsSync(generator)) {
        process.stdout.write('нет scripts/generate-corpus.ts: сгенерированный корпус пропущен\n');
      } else {
        const { generateCorpus } = (await import(generator)) as { generateCorpus(o: { docs: number; seed: number; out: string }): { documents: number } };
        const root = path.join(work, 'corpus');
        const started = performance.now();
        const corpus = generateCorpus({ docs: Number(values.docs), seed: Number(values.seed), out: root });
        log(`корпус: документов ${corpus.documents} за ${seconds(performance.now() - started)}`);
        const codes = await sampleCodes(root, 6);
        rows.push(
          await measure(`корпус ${values.docs} документов`, root, work, [
            ...codes,
            'аудит',
            'качества',
            'клиентского опыта',
            '9.2',
            'ISO 9001',
            'руководство',
            'контроль',
          ]),
        );
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  report(rows);
}

async function measure(label: string, root: string | undefined, work: string, queries: string[]): Promise<Measured> {
  const out = path.join(work, `site-${label.replace(/\W+/g, '-')}`);
  const started = performance.now();
  const args = ['scripts/build.ts', '--out', out, ...(root ? ['--root', root] : [])];
  const built = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ND_CACHE_DIR: path.join(work, `cache-${path.basename(out)}`) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (built.status !== 0) throw new Error(`сборка «${label}» не удалась:\n${built.stdout.slice(-2000)}\n${built.stderr.slice(-2000)}`);
  log(`${label}: сайт собран за ${seconds(performance.now() - started)}`);
  // Index again on its own, to time Pagefind alone.
  await rm(path.join(out, 'pagefind'), { recursive: true, force: true });
  // The search list is the inventory's: prepared again (check and render, the render cache warm) outside the timing.
  const config = loadConfig(ROOT, { ...process.env, ND_CACHE_DIR: path.join(work, `cache-${path.basename(out)}`) }, { contentRoot: root });
  const prepared = await prepareSite(config, { sites: audienceSites(config), gitHistory: false });
  if (!prepared.view) throw new Error(`«${label}»: нет опубликованного представления`);
  const list = searchList(pagesOf(prepared.view));
  const indexStart = performance.now();
  const indexed = await indexSite(out, list);
  const indexMs = performance.now() - indexStart;
  const sizes = await bundleSizes(path.join(out, 'pagefind'));
  const { textBytes, htmlBytes } = await siteTextBytes(out);
  const times = await queryTimes(out, queries);
  return { label, pages: indexed.pages, indexMs, textBytes, htmlBytes, ...sizes, ...times };
}

/** Index = what search downloads (word index, metadata, filters) plus the fragments results show; bundle adds the UI and WASM. */
async function bundleSizes(dir: string) {
  let indexBytes = 0;
  let fragmentBytes = 0;
  let bundleBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { size } = await stat(file);
    bundleBytes += size;
    const rel = path.relative(dir, file);
    if (rel.startsWith('fragment')) fragmentBytes += size;
    else if (rel.startsWith('index') || rel.startsWith('filter') || rel.endsWith('.pf_meta')) indexBytes += size;
  }
  return { indexBytes, fragmentBytes, bundleBytes };
}

/** Visible text of every built page (tags, scripts and styles removed), UTF-8 bytes. */
async function siteTextBytes(dir: string): Promise<{ textBytes: number; htmlBytes: number }> {
  let total = 0;
  let htmlBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html') || path.relative(dir, entry.parentPath).startsWith('pagefind')) continue;
    const html = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    htmlBytes += Buffer.byteLength(html);
    const text = html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ')
      .replace(/\s+/g, ' ');
    total += Buffer.byteLength(text);
  }
  return { textBytes: total, htmlBytes };
}

const ROUNDS = 3;

/**
 * Each round opens a fresh browser context (empty cache) on a loaded page and runs the queries in order:
 * the first pays for loading Pagefind (worker, WASM, metadata, its index chunks); later ones load only
 * the chunks of their new words. «После предзагрузки» is the search page's case: Pagefind is started at
 * page load (the page calls triggerLoad), and the clock starts at the query.
 */
async function queryTimes(dir: string, queries: string[]): Promise<{ firstMs: number; preloadedMs: number; laterMs: number[]; dataMs: number[] }> {
  const server = await startServer(dir, 0);
  const browser = await launchChromium();
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const first: number[] = [];
  const preloaded: number[] = [];
  const laterMs: number[] = [];
  const dataMs: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const preload of [false, true]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        const times = await page.evaluate(
          async ({ queries, options, preload }) => {
            type Pagefind = {
              search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }>;
              options(o: object): Promise<void>;
              init(): Promise<void>;
            };
            const loadStart = performance.now();
            // Created as the search page's Component UI creates it: createInstance with the page's options.
            const bundle = '/pagefind/pagefind.js';
            const module = (await import(bundle)) as { createInstance(o: object): Pagefind };
            const pagefind = module.createInstance(options);
            if (preload) await pagefind.init();
            // Cold: the clock runs from the import; preloaded: from the query.
            const t0 = preload ? performance.now() : loadStart;
            const found = await pagefind.search(queries[0] ?? '');
            const firstMs = performance.now() - t0;
            const later: number[] = [];
            const data: number[] = [];
            for (const q of queries.slice(1)) {
              const start = performance.now();
              const result = await pagefind.search(q);
              later.push(performance.now() - start);
              // Apart from the search: the data of the first results, as the UI loads them.
              const shown = performance.now();
              await Promise.all(result.results.slice(0, 5).map((r) => r.data()));
              data.push(performance.now() - shown);
            }
            void found;
            return { firstMs, later, data };
          },
          { queries, options: SEARCH_OPTIONS, preload },
        );
        await context.close();
        (preload ? preloaded : first).push(times.firstMs);
        if (!preload) {
          laterMs.push(...times.later);
          dataMs.push(...times.data);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { firstMs: median(first), preloadedMs: median(preloaded), laterMs, dataMs };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
const percentile = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((v.length * p) / 100))] ?? 0;

async function sampleCodes(root: string, n: number): Promise<string[]> {
  const dirs = (await readdir(path.join(root, 'documents'))).sort();
  const step = Math.max(1, Math.floor(dirs.length / n));
  const codes: string[] = [];
  for (let i = 0; i < dirs.length && codes.length < n; i += step) {
    const editions = await readdir(path.join(root, 'documents', dirs[i]!, 'editions'));
    const first = await readFile(path.join(root, 'documents', dirs[i]!, 'editions', editions[0]!), 'utf8');
    const code = /^code:\s*(\S+)/m.exec(first)?.[1];
    if (code) codes.push(code);
  }
  return codes;
}

function report(rows: Measured[]) {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} КБ`;
  const ms = (v: number) => `${v.toFixed(0)} мс`;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  process.stdout.write(`\nПоиск (Pagefind), медианы ${ROUNDS} прогонов в Chromium\n`);
  for (const r of rows) {
    const share = (100 * r.indexBytes) / r.textBytes;
    const shareAll = (100 * (r.indexBytes + r.fragmentBytes)) / r.textBytes;
    const later = median(r.laterMs);
    process.stdout.write(
      [
        `\n${r.label}: страниц в индексе ${r.pages}, текст сайта ${kb(r.textBytes)} (HTML ${kb(r.htmlBytes)}; индекс — ${((100 * r.indexBytes) / r.htmlBytes).toFixed(1)} % HTML)`,
        `  индекс (слова, метаданные, фильтры)      ${kb(r.indexBytes)} = ${share.toFixed(1)} % текста   цель ≤ 10 % ${mark(share <= 10)}`,
        `  + фрагменты для выдержек                 ${kb(r.fragmentBytes)} (вместе ${shareAll.toFixed(1)} % текста)`,
        `  весь пакет /pagefind/ с UI и WASM         ${kb(r.bundleBytes)}`,
        `  построение индекса                       ${ms(r.indexMs)}`,
        `  первый запрос после загрузки страницы    ${ms(r.firstMs)}   цель ≤ 300 мс ${mark(r.firstMs <= 300)}`,
        `  первый запрос после предзагрузки         ${ms(r.preloadedMs)}`,
        `  следующие запросы: медиана / p90 / макс  ${ms(later)} / ${ms(percentile(r.laterMs, 90))} / ${ms(Math.max(0, ...r.laterMs))}   цель ≤ 50 мс (медиана) ${mark(later <= 50)}`,
        `  данные первых 5 результатов (вне search) медиана ${ms(median(r.dataMs))}`,
      ].join('\n') + '\n',
    );
  }
}

const log = (line: string) => process.stdout.write(`• ${line}\n`);
const seconds = (v: number) => `${(v / 1000).toFixed(1)} с`;

main().catch((error: unknown) => {
  process.stderr.write(`✗ замер поиска не удался: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
