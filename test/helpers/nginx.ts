import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './postgres.ts';

export interface SsiNginx {
  /** Server with `ssi on`: the service's widget is included in the page (no JavaScript needed). */
  ssi: string;
  stop(): Promise<void>;
}

/**
 * The SSI variant of README «Ознакомление»: Debian's nginx with `ssi on` in front of one built site (no
 * precompressed files, which SSI would not process) and `/api/` proxied to the service. The shipped
 * deploy/nginx/nd.conf (src/serve/nginx.ts) serves without SSI; this one shows the page working with no
 * JavaScript at all. The sign-on proxy's headers come from the browser and pass from 127.0.0.1.
 */
export async function startSsiNginx(dist: string, api: string): Promise<SsiNginx> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'nd-nginx-'));
  mkdirSync(path.join(prefix, 'tmp'));
  const ssiPort = await freePort();
  const server = (port: number) => `
    server {
      listen 127.0.0.1:${port};
      root ${dist};
      ssi on;
      location /api/ {
        proxy_pass ${api};
        proxy_set_header Host $http_host;
      }
    }`;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${prefix}/tmp/${t};`).join('\n');
  writeFileSync(
    path.join(prefix, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''}
    worker_processes 1;
    daemon off;
    pid ${prefix}/nginx.pid;
    error_log ${prefix}/error.log;
    events { worker_connections 256; }
    http {
      include /etc/nginx/mime.types;
      access_log off;
      ${temp}
      ${server(ssiPort)}
    }`,
  );
  const child: ChildProcess = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const ssi = `http://127.0.0.1:${ssiPort}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx не запустился: ${stderr}`);
    const ok = await fetch(`${ssi}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 100) throw new Error(`nginx не ответил за 10 с: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ssi,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
