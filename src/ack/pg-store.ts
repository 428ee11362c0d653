import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { MIGRATIONS } from './migrations.ts';
import { joinRoles, toEmployee, toRecord, type AckRecord, type Employee, type EmployeeLoad, type Row, type Store } from './store.ts';

/** Any number the service's migrations lock on, so that two starting services do not both migrate. */
const MIGRATION_LOCK = 4322_0001;

/** pg_dump from PATH or from Debian's /usr/lib/postgresql/<N>/bin, newest first. */
export function findPgDump(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(`${dir}/pg_dump`)) return `${dir}/pg_dump`;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(`${root}/${v}/bin/pg_dump`)) return `${root}/${v}/bin/pg_dump`;
  return undefined;
}

/** PostgreSQL through `pg` (ND_ACK_DATABASE_URL). Every write is one statement or one transaction. */
export class PgStore implements Store {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  readonly #url: string;

  constructor(url: string) {
    this.#url = url;
    this.#pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client losing its server must not take the process down; the next query reports it.
    this.#pool.on('error', () => {});
  }

  async migrate(): Promise<number[]> {
    return this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS ack_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)');
      const done = new Set((await client.query('SELECT version FROM ack_migrations')).rows.map((r: Row) => Number(r.version)));
      const applied: number[] = [];
      for (const migration of MIGRATIONS) {
        if (done.has(migration.version)) continue;
        await client.query(migration.postgres);
        await client.query('INSERT INTO ack_migrations (version, name, applied) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        applied.push(migration.version);
      }
      return applied;
    });
  }

  async replaceEmployees(list: readonly Employee[]): Promise<EmployeeLoad> {
    return this.#transaction(async (client) => {
      await client.query('LOCK TABLE employees IN EXCLUSIVE MODE');
      const before = new Map((await client.query('SELECT * FROM employees')).rows.map((r: Row) => [String(r.login), toEmployee(r)]));
      let added = 0;
      let changed = 0;
      for (const e of list) {
        const old = before.get(e.login);
        if (!old) added++;
        else if (old.name !== e.name || old.unit !== e.unit || joinRoles(old.roles) !== joinRoles(e.roles)) changed++;
      }
      const gone = [...before.keys()].filter((login) => !list.some((e) => e.login === login));
      if (gone.length) await client.query('DELETE FROM employees WHERE login = ANY($1)', [gone]);
      if (list.length)
        await client.query(
          `INSERT INTO employees (login, name, unit, roles)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
           ON CONFLICT (login) DO UPDATE SET name = excluded.name, unit = excluded.unit, roles = excluded.roles`,
          [list.map((e) => e.login), list.map((e) => e.name), list.map((e) => e.unit), list.map((e) => joinRoles(e.roles))],
        );
      return { added, changed, removed: gone.length, total: list.length };
    });
  }

  async employee(login: string) {
    const { rows } = await this.#pool.query('SELECT * FROM employees WHERE login = $1', [login]);
    return rows[0] && toEmployee(rows[0]);
  }

  async employees() {
    return (await this.#pool.query('SELECT * FROM employees ORDER BY login')).rows.map(toEmployee);
  }

  async acknowledge(record: AckRecord) {
    const { rows } = await this.#pool.query(
      'INSERT INTO acknowledgements (login, code, version, digest, time) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (login, code, version) DO NOTHING RETURNING *',
      [record.login, record.code, record.version, record.digest, record.time],
    );
    if (rows[0]) return { record: toRecord(rows[0]), created: true };
    const kept = await this.recordOf(record.login, record.code, record.version);
    return { record: kept!, created: false };
  }

  async recordsOf(code: string, version: string) {
    return (await this.#pool.query('SELECT * FROM acknowledgements WHERE code = $1 AND version = $2 ORDER BY id', [code, version])).rows.map(toRecord);
  }

  async recordOf(login: string, code: string, version: string) {
    const { rows } = await this.#pool.query('SELECT * FROM acknowledgements WHERE login = $1 AND code = $2 AND version = $3', [login, code, version]);
    return rows[0] && toRecord(rows[0]);
  }

  async countRecords() {
    return Number((await this.#pool.query('SELECT count(*) AS n FROM acknowledgements')).rows[0].n);
  }

  /**
   * pg_dump (plain SQL, itself one consistent snapshot) of the service's tables. Without pg_dump on the
   * machine the backup stops with a message rather than writing something else under the same name.
   */
  async backup(file: string) {
    const dump = findPgDump();
    if (!dump) throw new Error('pg_dump не найден (ни в PATH, ни в /usr/lib/postgresql/*/bin): установите клиент PostgreSQL (пакет postgresql-client)');
    await promisify(execFile)(dump, ['--dbname', this.#url, '--file', file, '--no-owner']);
    return `pg_dump ${dump} (один согласованный снимок базы)`;
  }

  async close() {
    await this.#pool.end();
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
