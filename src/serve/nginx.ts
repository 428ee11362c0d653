/**
 * The shipped `deploy/nginx/nd.conf`, rendered for a local prefix and run as a foreground nginx: what
 * `npm start`, the nginx tests and `npm run bench:serve` serve the sites with. Only the marked lines
 * (`# nd:…`) and the folder `/srv/nd/current` change; everything else is served as an administrator would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, userInfo } from 'node:os';
import path from 'node:path';
import { NGINX_PARTS } from './nginx-parts.ts';

export const SHIPPED_CONF = path.resolve(import.meta.dirname, '../../deploy/nginx/nd.conf');
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const SHIPPED_ROOT = '/srv/nd/current';

/** The nginx binary, or undefined when it is not installed. */
export function findNginx(): string | undefined {
  for (const candidate of [process.env.ND_NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'])
    if (candidate && existsSync(candidate)) return candidate;
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

export interface RenderOptions {
  /** The build's output: `<dist>/<audience>/` and `<dist>/_nginx/`. */
  dist: string;
  /** Addresses to listen on, all on `port`. */
  listen: string[];
  port: number;
  /** Where the generated parts are read from; `<dist>/_nginx` unless a test renders its own. */
  parts?: string;
  ackPort?: number;
  brotli?: boolean;
}

/** The site configuration (`server {…}` and its includes), for this machine. */
export async function renderSite(options: RenderOptions): Promise<string> {
  const text = await readFile(SHIPPED_CONF, 'utf8');
  const parts = options.parts ?? path.join(options.dist, NGINX_PARTS);
  const lines: string[] = [];
  let listened = false;
  for (const line of text.split('\n')) {
    if (line.includes('# nd:listen')) {
      if (!listened) for (const address of options.listen) lines.push(`    listen ${address.includes(':') ? `[${address}]` : address}:${options.port};`);
      listened = true;
    } else if (line.includes('# nd:server_name')) lines.push('    server_name _;');
    else if (line.includes('# nd:brotli')) {
      if (options.brotli ?? existsSync(BROTLI_MODULE)) lines.push(line);
    } else if (line.includes('# nd:ack')) lines.push(line.replace('127.0.0.1:4322', `127.0.0.1:${options.ackPort ?? 4322}`));
    else lines.push(line);
  }
  return lines.join('\n').replaceAll(`${SHIPPED_ROOT}/${NGINX_PARTS}`, parts).replaceAll(SHIPPED_ROOT, options.dist);
}

/** A whole `nginx.conf` around the site: a prefix of its own, no access log, temporary files under the prefix. */
export async function renderMain(prefix: string, site: string, options: { brotli?: boolean; workers?: number } = {}): Promise<string> {
  const brotli = options.brotli ?? existsSync(BROTLI_MODULE);
  const temp = (name: string) => path.join(prefix, 'temp', name);
  await Promise.all(['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => mkdir(temp(name), { recursive: true })));
  // A master run by root hands requests to workers as `user`; root's own build folders may be unreadable for nobody.
  const asRoot = userInfo().uid === 0;
  return [
    ...(brotli ? [`load_module ${BROTLI_MODULE};`] : []),
    ...(asRoot ? ['user root;'] : []),
    `worker_processes ${options.workers ?? Math.min(availableParallelism(), 4)};`,
    'events {',
    '    worker_connections 4096;',
    '}',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    '    access_log off;',
    '    sendfile on;',
    '    tcp_nopush on;',
    '    keepalive_requests 100000;',
    `    client_body_temp_path ${temp('client_body')};`,
    `    proxy_temp_path ${temp('proxy')};`,
    `    fastcgi_temp_path ${temp('fastcgi')};`,
    `    uwsgi_temp_path ${temp('uwsgi')};`,
    `    scgi_temp_path ${temp('scgi')};`,
    site
      .split('\n')
      .map((l) => (l ? `    ${l}` : l))
      .join('\n'),
    '}',
    '',
  ].join('\n');
}

export interface RunningNginx {
  process: ChildProcess;
  prefix: string;
  conf: string;
  stop(): Promise<void>;
}

/**
 * Writes `<prefix>/nginx.conf` and starts nginx in the foreground (`daemon off`), its pid file and error log
 * under the prefix; resolves once it answers on the first address.
 */
export async function startNginx(prefix: string, render: RenderOptions & { workers?: number }): Promise<RunningNginx> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx не установлен');
  await mkdir(prefix, { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  await writeFile(conf, await renderMain(prefix, await renderSite(render), { brotli: render.brotli, workers: render.workers }));
  const errorLog = path.join(prefix, 'error.log');
  const globals = `daemon off; master_process on; pid ${path.join(prefix, 'nginx.pid')}; error_log ${errorLog} warn;`;
  const test = spawnSync(nginx, ['-p', prefix, '-c', conf, '-g', globals, '-t', '-q'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx отверг настройку ${conf}:\n${test.stderr}`);
  const child = spawn(nginx, ['-p', prefix, '-c', conf, '-g', globals], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const address = render.listen[0]!;
  const host = address.includes(':') ? `[${address}]` : address;
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`nginx не запустился:\n${stderr}${await readFile(errorLog, 'utf8').catch(() => '')}`);
    try {
      await fetch(`http://${host}:${render.port}/`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (i > 100) throw new Error(`nginx не отвечает на ${host}:${render.port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    process: child,
    prefix,
    conf,
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
