/**
 * `npm run bench:check [-- --docs 1000] [--runs 5] [--seed S] [--root DIR] [--prof DIR]`
 *
 * The cold `npm run check` alone, which `npm run bench` measures only once beside a 70-second build:
 * generates a corpus (scripts/generate-corpus.ts) unless `--root` names one, then runs the check as a
 * fresh process `--runs` times, without the analysis cache (the corpus sits in the temp folder). The
 * first run also fills Node's compile cache (scripts/compile-cache.ts), so it is printed apart.
 * For each run: wall time, CPU time (user + system, all threads), peak memory and the load average
 * just before it — on a shared machine the wall time says as much about the neighbours as about us,
 * CPU time less so. `--prof DIR` writes a `--cpu-prof` profile of every thread of the last run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_DATE = '2026-06-01';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string' },
    root: { type: 'string' },
    prof: { type: 'string' },
  },
});
const docs = Number(values.docs);
const runs = Number(values.runs);
if (!Number.isInteger(docs) || docs < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('Использование: npm run bench:check -- [--docs N] [--runs N] [--seed S] [--root ПАПКА] [--prof ПАПКА]\n');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'nd-bench-check-'));
let root = values.root;
if (!root) {
  root = path.join(work, 'content');
  const made = generateCorpus({ docs, seed: values.seed === undefined ? undefined : Number(values.seed), out: root });
  process.stdout.write(`корпус: ${made.documents} документов, ${made.editions} редакций, ${made.appendices} приложений, ${(made.bytes / 1e6).toFixed(1)} МБ\n`);
}

interface Run {
  wall: number;
  cpu: number;
  rssMB: number;
  load: number;
}

function runCheck(profile: boolean): Run {
  const timeFile = path.join(work, 'time.txt');
  const args = [
    '--import',
    './scripts/compile-cache.ts',
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${values.prof}`] : []),
    'scripts/check.ts',
    '--root',
    root!,
    '--date',
    BUILD_DATE,
    '--format',
    'json',
  ];
  const load = os.loadavg()[0]!;
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, process.execPath, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ND_CACHE: 'off' },
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`проверка завершилась с кодом ${result.status}: ${String(result.stderr).slice(-400)}`);
  const time = readFileSync(timeFile, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(time)?.[1] ?? NaN);
  return {
    wall,
    cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    rssMB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    load,
  };
}

const fmt = (r: Run) => `${r.wall.toFixed(2)} с; ЦП ${r.cpu.toFixed(2)} с; пик ${r.rssMB.toFixed(0)} МБ; нагрузка до запуска ${r.load.toFixed(2)}`;
const first = runCheck(false);
process.stdout.write(`первый запуск (заполняет кэш компиляции Node): ${fmt(first)}\n`);
const measured: Run[] = [];
for (let i = 0; i < runs; i++) {
  const run = runCheck(Boolean(values.prof) && i === runs - 1);
  measured.push(run);
  process.stdout.write(`запуск ${i + 1}: ${fmt(run)}\n`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall = measured.map((r) => r.wall);
const cpu = measured.map((r) => r.cpu);
process.stdout.write(
  `холодная проверка, ${runs} запусков: медиана ${median(wall).toFixed(2)} с (лучший ${Math.min(...wall).toFixed(2)} с), ЦП медиана ${median(cpu).toFixed(2)} с; бюджет 2,0 с — ${median(wall) <= 2 ? 'выполнен' : 'не выполнен'}\n`,
);
rmSync(work, { recursive: true, force: true });
