import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './postgres.ts';

/** The policy the plain server sends: scripts and styles from the site only, nothing inline for scripts. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'";

export interface RunningNginx {
  /** Server with `ssi on`: the service's widget is included in the page (no JavaScript needed). */
  ssi: string;
  /** The same site without SSI, with a strict Content-Security-Policy: the page's script file fills the slot. */
  plain: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx in front of a built site and the acknowledgement service, as an intranet would run it:
 * static files, `/api/` proxied to the service on 127.0.0.1. The sign-on proxy's headers come from the
 * browser (the test sets them), and nginx passes them on from 127.0.0.1 — the trusted address.
 */
export async function startNginx(dist: string, api: string): Promise<RunningNginx> {
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'nd-nginx-'));
  mkdirSync(path.join(prefix, 'tmp'));
  const [ssiPort, plainPort] = [await freePort(), await freePort()];
  const server = (port: number, ssi: boolean) => `
    server {
      listen 127.0.0.1:${port};
      root ${dist};
      ${ssi ? 'ssi on;' : `add_header Content-Security-Policy "${STRICT_CSP}";`}
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
      ${server(ssiPort, true)}
      ${server(plainPort, false)}
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
    plain: `http://127.0.0.1:${plainPort}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
