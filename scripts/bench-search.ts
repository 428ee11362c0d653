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
import { indexSite } from '../src/integration/search-index.ts';
import { SEARCH_RANKING } from '../src/lib/search.ts';
import { launchChromium } from './chromium.ts';
import { startServer } from './serve.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const REAL_QUERIES = ['ПТ-035', 'аудит', 'клиентского опыта', '9.2', 'ISO 19011', 'качества', 'руководство', 'стандарты', 'аудитора', 'ИСО 9001', 'политика', 'СМК'];

interface Measured {
  label: string;
  pages: number;
  indexBytes: number;
  fragmentBytes: number;
  bundleBytes: number;
  textBytes: number;
  indexMs: number;
  firstMs: number;
  laterMs: number[];
  /** Loading the data of the first five results of each query (not part of pagefind.search). */
  dataMs: number[];
}

async function main() {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, 'skip-generated': { type: 'boolean', default: false } } });
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
        rows.push(await measure(`корпус ${values.docs} документов`, root, work, [...codes, 'аудит', 'качества', 'клиентского опыта', '9.2', 'ISO 9001', 'руководство', 'контроль']));
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
  const built = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ND_CACHE_DIR: path.join(work, `cache-${path.basename(out)}`) }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (built.status !== 0) throw new Error(`сборка «${label}» не удалась:\n${built.stdout.slice(-2000)}\n${built.stderr.slice(-2000)}`);
  log(`${label}: сайт собран за ${seconds(performance.now() - started)}`);
  // Index again on its own, to time Pagefind alone.
  await rm(path.join(out, 'pagefind'), { recursive: true, force: true });
  const indexStart = performance.now();
  const indexed = await indexSite(out);
  const indexMs = performance.now() - indexStart;
  const sizes = await bundleSizes(path.join(out, 'pagefind'));
  const textBytes = await siteTextBytes(out);
  const times = await queryTimes(out, queries);
  return { label, pages: indexed.pages, indexMs, textBytes, ...sizes, ...times };
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
async function siteTextBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html') || path.relative(dir, entry.parentPath).startsWith('pagefind')) continue;
    const html = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ');
    total += Buffer.byteLength(text);
  }
  return total;
}

async function queryTimes(dir: string, queries: string[]): Promise<{ firstMs: number; laterMs: number[]; dataMs: number[] }> {
  const server = await startServer(dir, 0);
  const browser = await launchChromium();
  try {
    const address = server.address();
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, { waitUntil: 'load' });
    return await page.evaluate(
      async ({ queries, ranking }) => {
        type Pagefind = { search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }> };
        /** performance.now() around pagefind.search; then, apart, loading the first results' data as the UI does. */
        const time = async (pagefind: Pagefind, q: string) => {
          const t0 = performance.now();
          const found = await pagefind.search(q);
          const searched = performance.now();
          await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
          return { search: searched - t0, data: performance.now() - searched };
        };
        const t0 = performance.now();
        const pagefind = (await import('/pagefind/pagefind.js')) as Pagefind & { options(o: object): Promise<void> };
        await pagefind.options({ ranking });
        // The first query pays for loading Pagefind, its WASM and the index chunks it needs.
        const first = await time(pagefind, queries[0] ?? '');
        const firstMs = performance.now() - t0 - first.data;
        const later = [];
        for (const q of queries.slice(1)) later.push(await time(pagefind, q));
        return { firstMs, laterMs: later.map((t) => t.search), dataMs: [first.data, ...later.map((t) => t.data)] };
      },
      { queries, ranking: SEARCH_RANKING },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

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
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
  process.stdout.write('\nПоиск (Pagefind)              цель\n');
  for (const r of rows) {
    const worst = Math.max(0, ...r.laterMs);
    const share = (100 * r.indexBytes) / r.textBytes;
    const shareAll = (100 * (r.indexBytes + r.fragmentBytes)) / r.textBytes;
    process.stdout.write(
      [
        `\n${r.label}: страниц в индексе ${r.pages}, текст сайта ${kb(r.textBytes)}`,
        `  индекс (слова, метаданные, фильтры)  ${kb(r.indexBytes)} = ${share.toFixed(1)} % текста   ≤ 10 % ${share <= 10 ? '✓' : '✗'}`,
        `  + фрагменты для выдержек             ${kb(r.fragmentBytes)} (вместе ${shareAll.toFixed(1)} % текста)`,
        `  весь пакет /pagefind/ с UI и WASM     ${kb(r.bundleBytes)}`,
        `  построение индекса                   ${ms(r.indexMs)}`,
        `  первый запрос после загрузки         ${ms(r.firstMs)}   ≤ 300 мс ${r.firstMs <= 300 ? '✓' : '✗'}`,
        `  следующие: медиана / худший          ${ms(median(r.laterMs))} / ${ms(worst)}   ≤ 50 мс ${worst <= 50 ? '✓' : '✗'}`,
        `  данные первых 5 результатов: медиана ${ms(median(r.dataMs))}, худший ${ms(Math.max(0, ...r.dataMs))} (вне pagefind.search)`,
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
