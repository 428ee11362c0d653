/**
 * `npm run bench:lsp [-- --docs 1000] [--seed S] [--edits N] [--root DIR] [--keep]`
 *
 * The language server and `npm run check -- --watch` on a generated corpus (scripts/generate-corpus.ts),
 * measured as an author meets them:
 *   edit   — from a didChange of an open edition to the publishDiagnostics that shows the edit's finding;
 *   cross  — from a didChange that renumbers an appendix to the diagnostics of the file citing it;
 *   memory — the server's resident set (current and peak) after the edits;
 *   watch  — from writing a file to `--watch` printing the findings again.
 * Prints p50/p95/max of each with the budgets of issue 20. Not a test: figures depend on the machine.
 *
 * As on an author's machine, the analysis cache exists when the server starts: `npm run check` runs once
 * before (its time is printed too) with ND_CACHE=on; a generated corpus' cache file is removed at the end.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/analysis/load.ts';
import { generateCorpus } from './generate-corpus.ts';
import { LspClient } from './lsp-client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGETS = { edit: 150, cross: 300, watch: 300, memory: 300 };

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    edits: { type: 'string', default: '40' },
    root: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const log = (text: string) => process.stdout.write(`${text}\n`);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? NaN, n: s.length };
};
const ms = (x: number) => `${Math.round(x)} мс`;

/** CPU time (user + system) a process has used, ms: on a machine other work also loads, what one edit costs by itself. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function rssMB(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function main() {
  const work = values.root ? undefined : mkdtempSync(path.join(os.tmpdir(), 'nd-bench-lsp-'));
  const root = values.root ? path.resolve(values.root) : path.join(work!, 'content');
  try {
    if (!values.root) {
      const started = performance.now();
      const made = generateCorpus({ docs: Number(values.docs), seed: Number(values.seed), out: root });
      log(`корпус: документов ${made.documents}, редакций ${made.editions}, приложений ${made.appendices} (${ms(performance.now() - started)})`);
    }
    const corpus = await loadCorpus(root, { cache: 'off' });
    const docs = corpus.documents.filter((d) => d.appendices.length > 0 && d.code !== 'ПТ-035');
    const [cited, citing, edited] = [docs[0]!, docs[1]!, docs[Math.floor(docs.length / 2)]!];
    const results: Record<string, ReturnType<typeof stats>> = {};

    // --- `npm run check` once, which leaves the analysis cache an author's machine has
    let started = performance.now();
    const checked = spawnSync(process.execPath, ['scripts/check.ts', '--root', root, '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, ND_BUILD_DATE: '2026-06-01', ND_CACHE: 'on' },
      stdio: 'ignore',
    });
    log(`npm run check (холодная, пишет кэш разбора): ${ms(performance.now() - started)}, код ${checked.status}`);

    // --- the language server
    const client = new LspClient({ ND_CONTENT_ROOT: root, ND_CACHE: 'on' });
    started = performance.now();
    await client.initialize(ROOT);
    const editedFile = path.resolve(edited.editions.at(-1)!.file.path);
    const editedText = readFileSync(editedFile, 'utf8');
    const editedUri = client.open(editedFile, editedText);
    await client.request('textDocument/hover', { textDocument: { uri: editedUri }, position: { line: 0, character: 0 } });
    log(`сервер: запуск и первая проверка всего корпуса ${ms(performance.now() - started)}`);

    const edits = Number(values.edits);
    const editTimes: number[] = [];
    const editCpu: number[] = [];
    for (let i = 1; i <= edits; i++) {
      const marker = `11.${i}`;
      const cpu = cpuMs(client.pid!);
      started = performance.now();
      client.change(editedUri, `${editedText}\nСм. п. ${marker} ISO 9001:2015.\n`);
      await client.waitFor(editedUri, (ds) => ds.some((d) => d.code === 'ref/unknown-clause' && String(d.message).includes(`пункта ${marker}`)));
      editTimes.push(performance.now() - started);
      editCpu.push(cpuMs(client.pid!) - cpu);
    }
    results.edit = stats(editTimes);
    results.editCpu = stats(editCpu);

    const appendix = cited.appendices[0]!;
    const citingFile = path.resolve(citing.editions.at(-1)!.file.path);
    const citingUri = client.open(
      citingFile,
      `${readFileSync(citingFile, 'utf8')}\nСм. Приложение ${appendix.data.number} «${appendix.data.title}» к ${cited.code}.\n`,
    );
    const appendixFile = path.resolve(appendix.file.path);
    const appendixText = readFileSync(appendixFile, 'utf8');
    const appendixUri = client.open(appendixFile, appendixText);
    await client.request('textDocument/hover', { textDocument: { uri: citingUri }, position: { line: 0, character: 0 } });
    const crossTimes: number[] = [];
    const crossCpu: number[] = [];
    const broken = (ds: Array<{ code?: unknown }>) => ds.some((d) => d.code === 'ref/unknown-appendix');
    for (let i = 0; i < Math.max(6, Math.round(edits / 4)); i++) {
      const cpu = cpuMs(client.pid!);
      started = performance.now();
      client.change(appendixUri, appendixText.replace(/^number: \d+/m, `number: ${90 + i}`));
      await client.waitFor(citingUri, broken);
      crossTimes.push(performance.now() - started);
      crossCpu.push(cpuMs(client.pid!) - cpu);
      client.change(appendixUri, appendixText);
      await client.waitFor(citingUri, (ds) => !broken(ds));
    }
    results.cross = stats(crossTimes);
    results.crossCpu = stats(crossCpu);
    const memory = rssMB(client.pid!);
    await client.close();

    // --- check --watch
    const watched = await benchWatch(root, editedFile, editedText, Math.max(8, Math.round(edits / 4)));
    results.watch = stats(watched.times);
    results.watchCpu = stats(watched.cpu);

    log('');
    log(
      `нагрузка машины (load average за 1/5/15 мин): ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} при ${os.availableParallelism()} ядрах`,
    );
    log('замер: время до результата; в скобках — процессорное время процесса (столько же заняло бы на свободной машине)');
    log('                                        p50      p95      max     бюджет');
    const row = (label: string, s: ReturnType<typeof stats>, budget: number) =>
      log(
        `${label.padEnd(38)} ${ms(s.p50).padStart(7)}  ${ms(s.p95).padStart(7)}  ${ms(s.max).padStart(7)}   ≤ ${budget} мс p95 ${s.p95 <= budget ? '✓' : '✗'}`,
      );
    row(`находки правимого файла (${results.edit.n})`, results.edit, BUDGETS.edit);
    row('  (процессорное время)', results.editCpu, BUDGETS.edit);
    row(`находки в другом файле (${results.cross.n})`, results.cross, BUDGETS.cross);
    row('  (процессорное время)', results.crossCpu, BUDGETS.cross);
    row(`--watch после сохранения (${results.watch.n})`, results.watch, BUDGETS.watch);
    row('  (процессорное время)', results.watchCpu, BUDGETS.watch);
    log(
      `память сервера: ${Math.round(memory.now)} МБ сейчас, ${Math.round(memory.peak)} МБ пик   ≤ ${BUDGETS.memory} МБ ${memory.peak <= BUDGETS.memory ? '✓' : '✗'}`,
    );
  } finally {
    if (work && !values.keep) {
      rmSync(work, { recursive: true, force: true });
      rmSync(path.join(ROOT, 'node_modules/.cache/nd', `mdx-${createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 16)}.bin`), { force: true });
    } else if (work) log(`корпус оставлен: ${root}`);
  }
}

/** Writes the edited file `n` times and times each save to the moment `--watch` has printed its findings. */
async function benchWatch(root: string, file: string, text: string, n: number): Promise<{ times: number[]; cpu: number[] }> {
  const child = spawn(process.execPath, ['scripts/check.ts', '--watch', '--root', root], {
    cwd: ROOT,
    env: { ...process.env, ND_BUILD_DATE: '2026-06-01', ND_CACHE: 'on' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  let wake: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    if (buffer.includes('жду изменений')) wake?.();
  });
  const next = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('--watch не ответил за 120 с')), 120_000);
      wake = () => {
        clearTimeout(timer);
        buffer = '';
        resolve();
      };
      if (buffer.includes('жду изменений')) wake();
    });
  const times: number[] = [];
  const cpu: number[] = [];
  try {
    await next();
    for (let i = 1; i <= n; i++) {
      const before = cpuMs(child.pid!);
      const started = performance.now();
      writeFileSync(file, `${text}\nСм. п. 12.${i} ISO 9001:2015.\n`);
      await next();
      times.push(performance.now() - started);
      cpu.push(cpuMs(child.pid!) - before);
    }
  } finally {
    writeFileSync(file, text);
    child.kill();
  }
  return { times, cpu };
}

main().catch((error: unknown) => {
  process.stderr.write(`Замер не выполнен: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
