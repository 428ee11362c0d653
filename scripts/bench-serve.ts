/**
 * `npm run bench:serve [-- --duration 5] [--dist DIR] [--root DIR] [--workers N] [--threads N]`
 *
 * The sites under load, as the intranet serves them: built with `--audiences public,internal,confidential`
 * (or an existing `--dist`), served by Debian's nginx with the shipped deploy/nginx/nd.conf on 127.0.0.1,
 * loaded by wrk (`wrk --latency`) as a browser asks — `Accept-Encoding: br, gzip`, the internal audience's
 * header from the trusted proxy's address. The policy page, the registry and a Pagefind fragment, at 64 and
 * 256 connections, a few seconds each. Budget: the policy page at 64 connections ≥ 20,000 requests per
 * second with p99 ≤ 20 ms, and no errors anywhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startNginx } from '../src/serve/nginx.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUDGET = { rps: 20_000, p99: 20 };

interface Measured {
  label: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    dist: { type: 'string' },
    root: { type: 'string' },
    workers: { type: 'string' },
    threads: { type: 'string' },
  },
});

function fail(message: string): never {
  process.stderr.write(`✗ ${message}\n`);
  process.exit(1);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `1.23ms`, `850.00us`, `1.02s` → milliseconds. */
function ms(text: string): number {
  const [, n, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim()) ?? [];
  const value = Number(n);
  return unit === 'us' ? value / 1000 : unit === 's' ? value * 1000 : unit === 'm' ? value * 60_000 : value;
}

function wrk(url: string, connections: number, label: string): Measured {
  const threads = Number(values.threads ?? Math.min(connections, Math.max(2, availableParallelism())));
  const run = spawnSync(
    'wrk',
    [
      '--latency',
      '-t',
      String(threads),
      '-c',
      String(connections),
      '-d',
      `${values.duration}s`,
      '-H',
      'Accept-Encoding: br, gzip',
      '-H',
      'X-ND-Audience: internal',
      url,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) fail(`wrk: ${run.stderr || run.error?.message}`);
  const out = run.stdout;
  const pct = (p: string) => ms(new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? 'NaNms');
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + non2xx;
  return {
    label,
    connections,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: pct('50'),
    p99: pct('99'),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
    errors,
  };
}

async function main() {
  if (spawnSync('wrk', ['--version']).error) fail('wrk не установлен (apt-get install wrk)');
  let work: string | undefined;
  let dist = values.dist ? path.resolve(values.dist) : undefined;
  if (!dist) {
    work = await mkdtemp(path.join(tmpdir(), 'nd-bench-serve-'));
    dist = path.join(work, 'dist');
    process.stdout.write('Сборка сайтов public, internal, confidential…\n');
    const args = ['scripts/build.ts', '--out', dist, '--audiences', 'public,internal,confidential', ...(values.root ? ['--root', values.root] : [])];
    const built = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ND_CACHE_DIR: path.join(work, 'cache') }, encoding: 'utf8' });
    if (built.status !== 0) fail(`сборка не удалась:\n${built.stdout}\n${built.stderr}`);
  }
  if (!existsSync(path.join(dist, '_nginx', 'sites.json'))) fail(`${dist}: нет сайтов по уровням доступа (соберите с --audiences)`);
  const port = await freePort();
  const nginx = await startNginx(path.join(work ?? (await mkdtemp(path.join(tmpdir(), 'nd-bench-serve-'))), 'nginx'), {
    dist,
    listen: ['127.0.0.1'],
    port,
    workers: Number(values.workers ?? availableParallelism()),
  });
  try {
    const fragment = (await readdir(path.join(dist, 'internal/pagefind/fragment')))[0];
    const base = `http://127.0.0.1:${port}`;
    const targets: Array<[string, string]> = [
      ['политика /nd/pt-035/', `${base}/nd/pt-035/`],
      ['реестр /nd/', `${base}/nd/`],
      ['Pagefind, фрагмент', `${base}/pagefind/fragment/${fragment}`],
    ];
    for (const [, url] of targets) {
      const check = await fetch(url, { headers: { 'X-ND-Audience': 'internal' } });
      if (check.status !== 200) fail(`${url}: ${check.status}`);
    }
    // The machine may be shared: the load around the measurement says how far p99 is ours.
    const loadBefore = loadavg()[0]!;
    const results: Measured[] = [];
    for (const connections of [64, 256]) for (const [label, url] of targets) results.push(wrk(url, connections, label));
    const row = (cells: string[]) =>
      `${cells[0]!.padEnd(22)} ${cells
        .slice(1)
        .map((c) => c.padStart(10))
        .join(' ')}`;
    process.stdout.write(
      `\nnginx ${nginx.conf}; wrk --latency, ${values.duration} с на замер, Accept-Encoding: br, gzip; ядер: ${availableParallelism()}, процессов nginx ${values.workers ?? availableParallelism()}, потоков wrk ${values.threads ?? Math.max(2, availableParallelism())}; средняя загрузка (1 мин) до замеров ${loadBefore.toFixed(1)}, после ${loadavg()[0]!.toFixed(1)}\n\n`,
    );
    process.stdout.write(`${row(['страница', 'соединений', 'запросов/с', 'p50, мс', 'p99, мс', 'запросов', 'ошибок'])}\n`);
    for (const r of results)
      process.stdout.write(
        `${row([r.label, String(r.connections), Math.round(r.rps).toLocaleString('ru-RU'), r.p50.toFixed(2), r.p99.toFixed(2), String(r.requests), String(r.errors)])}\n`,
      );
    const policy = results.find((r) => r.connections === 64)!;
    const errors = results.reduce((sum, r) => sum + r.errors, 0);
    const met = policy.rps >= BUDGET.rps && policy.p99 <= BUDGET.p99 && errors === 0;
    process.stdout.write(
      `\n${met ? '✓' : '✗'} бюджет: политика при 64 соединениях ≥ ${BUDGET.rps.toLocaleString('ru-RU')} запросов/с (${Math.round(policy.rps).toLocaleString('ru-RU')}), p99 ≤ ${BUDGET.p99} мс (${policy.p99.toFixed(2)}), ошибок 0 (${errors})\n`,
    );
  } finally {
    await nginx.stop();
    if (work) await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => fail((error as Error).message ?? String(error)));
