import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Debian's server binaries (postgresql-NN), newest first. */
function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const found = existsSync(root)
    ? readdirSync(root)
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join(root, v, 'bin'))
        .find((dir) => existsSync(path.join(dir, 'initdb')))
    : undefined;
  if (!found) throw new Error('PostgreSQL не установлен: нет /usr/lib/postgresql/*/bin/initdb — apt-get install postgresql (.ci/run ставит его сам)');
  return found;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface PrivateCluster {
  /** A new empty database in the cluster; its URL. */
  database(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A throw-away PostgreSQL cluster for one test file: initdb into a temporary folder, pg_ctl start on a
 * free loopback port, one database. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` system user that Debian's package creates. Any failure throws: the PostgreSQL half of a
 * suite fails loudly rather than being skipped.
 */
export async function startPostgres(): Promise<PrivateCluster> {
  const bin = pgBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nd-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    return asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe', cwd: dir })
      : execFileSync(command, args, { stdio: 'pipe', cwd: dir });
  };
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`,
      'start',
    ]);
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`частный кластер PostgreSQL не запустился: ${e.stderr?.toString() || e.message}`);
  }
  let made = 0;
  return {
    async database() {
      const name = `ack_${++made}`;
      const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
