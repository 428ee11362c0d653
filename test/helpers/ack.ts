import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog, type Catalog } from '../../src/ack/editions.ts';
import { PgStore } from '../../src/ack/pg-store.ts';
import { SqliteStore, sqliteFile } from '../../src/ack/sqlite-store.ts';
import type { Employee, Store } from '../../src/ack/store.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { projectRoot } from './content-root.ts';
import { startPostgres, type PrivateCluster } from './postgres.ts';

let catalog: Promise<Catalog> | undefined;
/** The real content's published editions, read once per test file (the service's own start-up pass). */
export const realCatalog = () => (catalog ??= loadCatalog(loadConfig(projectRoot, {})));

/** One database the suite runs on: a fresh store each call, and the environment the CLI needs for it. */
export interface Backend {
  name: 'SQLite' | 'PostgreSQL';
  fresh(): Promise<{ store: Store; env: Record<string, string> }>;
  stop(): Promise<void>;
}

export const sqliteBackend = (): Backend => ({
  name: 'SQLite',
  async fresh() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nd-ack-'));
    const store = new SqliteStore(sqliteFile(dir));
    await store.migrate();
    return { store, env: { ND_ACK_DATA: dir } };
  },
  async stop() {},
});

export function postgresBackend(): Backend {
  let cluster: Promise<PrivateCluster> | undefined;
  return {
    name: 'PostgreSQL',
    async fresh() {
      const url = await (await (cluster ??= startPostgres())).database();
      const store = new PgStore(url);
      await store.migrate();
      return { store, env: { ND_ACK_DATABASE_URL: url } };
    },
    async stop() {
      if (cluster) await (await cluster).stop();
    },
  };
}

/** Employees of ПТ-035's sample list: two concerned units, one unit it does not concern, a quality representative and a unit head. */
export const EMPLOYEES: Employee[] = [
  { login: 'ivanov', name: 'Иванов Иван (пример)', unit: 'contact-center', roles: [] },
  { login: 'kuznetsova', name: 'Кузнецова Мария (пример)', unit: 'digital-channels', roles: [] },
  { login: 'petrov', name: 'Петров Пётр (пример)', unit: 'network-operations', roles: [] },
  { login: 'sidorova', name: 'Сидорова Анна (пример)', unit: 'dkko', roles: ['quality-representative'] },
  { login: 'smirnov', name: 'Смирнов Олег (пример)', unit: 'customer-service', roles: ['audited-unit-heads'] },
];

/** `n` employees of the contact centre, for the load tests. */
export const crowd = (n: number): Employee[] =>
  Array.from({ length: n }, (_, i) => ({ login: `user${String(i).padStart(5, '0')}`, name: `Сотрудник ${i} (пример)`, unit: 'contact-center', roles: [] }));
