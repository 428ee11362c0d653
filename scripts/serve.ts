/**
 * `npm start` (`PORT=… npm start`): builds the sites of the configured audiences (`audiences` in
 * nd.config.json; without it public, internal and confidential) into `dist/`, then serves them on
 * 127.0.0.1:$PORT — through nginx with the shipped deploy/nginx/nd.conf when nginx is installed, otherwise
 * through sirv with the same headers and the same audience rule. The audience header (`serve.audienceHeader`,
 * X-ND-Audience) counts only from `serve.trustedProxies`; without it the reader gets the public site.
 *
 *   --no-build   serve what is in dist/ already
 *   --node       the Node server even where nginx is installed
 *   --out DIR    another output folder
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { commandLine, exitWithUsage, UsageError } from '../src/lib/command-line.ts';
import { ConfigError, loadConfig } from '../src/lib/config.ts';
import { ensurePortFree, parsePort } from '../src/serve/listen.ts';
import { findNginx, startNginx } from '../src/serve/nginx.ts';
import { startNodeServer } from '../src/serve/node-server.ts';

/** What `npm start` builds when nd.config.json names no audiences: every level a site may be built for. */
export const DEFAULT_AUDIENCES = ['public', 'internal', 'confidential'];

/** A single built site served by the Node server (the tests of the pages use it). */
export function startServer(dir: string, port: number): Promise<Server> {
  return startNodeServer({ root: path.resolve(dir), port });
}

const USAGE = 'Использование: [PORT=4321] npm start -- [--no-build] [--node] [--out ПАПКА]';

async function main() {
  const { values } = commandLine(
    { options: { 'no-build': { type: 'boolean', default: false }, node: { type: 'boolean', default: false }, out: { type: 'string', default: 'dist' } } },
    USAGE,
  );
  const config = loadConfig();
  const out = path.resolve(values.out);
  const port = parsePort(process.env.PORT, 4321);
  if (typeof port === 'string') throw new ConfigError(port);
  // Before a build of a minute, not after it: the port must be free.
  await ensurePortFree('127.0.0.1', port);
  if (!values['no-build']) {
    const audiences = config.audiences ?? DEFAULT_AUDIENCES;
    const built = spawnSync(
      process.execPath,
      [
        '--import',
        path.join(import.meta.dirname, 'compile-cache.ts'),
        path.join(import.meta.dirname, 'build.ts'),
        '--out',
        out,
        '--audiences',
        audiences.join(','),
      ],
      {
        stdio: 'inherit',
      },
    );
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  if (!existsSync(out)) {
    process.stderr.write(`✗ нет собранного сайта в ${out}: сначала npm run build\n`);
    process.exit(1);
  }
  const nginx = values.node ? undefined : findNginx();
  const multi = existsSync(path.join(out, '_nginx', 'sites.json'));
  if (nginx && multi) {
    await ensurePortFree('127.0.0.1', port);
    const running = await startNginx(path.join(out, '..', '.nd', `nginx-${port}`), { dist: out, listen: ['127.0.0.1'], port, ackPort: config.serve.ackPort });
    process.stdout.write(`Портал: http://127.0.0.1:${port}/ (nginx, ${running.conf})\n`);
    const stop = () => void running.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  const server = await startNodeServer({ root: out, port, ackPort: config.serve.ackPort });
  const address = server.address();
  process.stdout.write(
    `Портал: http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/ (Node: sirv${values.node ? '' : nginx ? '; сайт собран без --audiences' : '; nginx не установлен'})\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) exitWithUsage(error, USAGE, '✗ ');
    process.stderr.write(`✗ ${error instanceof ConfigError ? error.message : ((error as Error).message ?? String(error))}\n`);
    process.exit(1);
  });
}
