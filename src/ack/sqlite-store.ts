import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';
import { joinRoles, toEmployee, toRecord, type AckRecord, type Employee, type EmployeeLoad, type Row, type Store } from './store.ts';

/** The database file under the data folder (ND_ACK_DATA, default `.nd/ack/`). */
export const sqliteFile = (dataDir: string) => path.join(dataDir, 'ack.sqlite');

/**
 * Embedded SQLite (`node:sqlite`, no native build). WAL with synchronous=FULL: a transaction is on disk
 * before the service answers, so killing the process loses nothing it confirmed; readers (reports, a
 * backup from another process) do not block the writer. One connection per process: node:sqlite is
 * synchronous, so statements never interleave.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly #db: DatabaseSync;

  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file);
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;');
  }

  async migrate(): Promise<number[]> {
    this.#db.exec('CREATE TABLE IF NOT EXISTS ack_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)');
    const done = new Set((this.#db.prepare('SELECT version FROM ack_migrations').all() as Row[]).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      this.#transaction(() => {
        this.#db.exec(migration.sqlite);
        this.#db
          .prepare('INSERT INTO ack_migrations (version, name, applied) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
      });
      applied.push(migration.version);
    }
    return applied;
  }

  async replaceEmployees(list: readonly Employee[]): Promise<EmployeeLoad> {
    return this.#transaction(() => {
      const before = new Map((this.#db.prepare('SELECT * FROM employees').all() as Row[]).map((r) => [String(r.login), toEmployee(r)]));
      const incoming = new Set(list.map((e) => e.login));
      let added = 0;
      let changed = 0;
      const upsert = this.#db.prepare(
        'INSERT INTO employees (login, name, unit, roles) VALUES (?, ?, ?, ?) ON CONFLICT (login) DO UPDATE SET name = excluded.name, unit = excluded.unit, roles = excluded.roles',
      );
      for (const e of list) {
        const old = before.get(e.login);
        if (!old) added++;
        else if (old.name !== e.name || old.unit !== e.unit || joinRoles(old.roles) !== joinRoles(e.roles)) changed++;
        upsert.run(e.login, e.name, e.unit, joinRoles(e.roles));
      }
      const remove = this.#db.prepare('DELETE FROM employees WHERE login = ?');
      let removed = 0;
      for (const login of before.keys())
        if (!incoming.has(login)) {
          remove.run(login);
          removed++;
        }
      return { added, changed, removed, total: list.length };
    });
  }

  async employee(login: string) {
    const row = this.#db.prepare('SELECT * FROM employees WHERE login = ?').get(login) as Row | undefined;
    return row && toEmployee(row);
  }

  async employees() {
    return (this.#db.prepare('SELECT * FROM employees ORDER BY login').all() as Row[]).map(toEmployee);
  }

  /**
   * Group commit: acknowledgements arriving in the same turn of the event loop are written in one
   * transaction, so one fsync confirms them all; each caller is answered only after COMMIT.
   */
  acknowledge(record: AckRecord): Promise<{ record: AckRecord; created: boolean }> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ record, resolve, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  #queue: { record: AckRecord; resolve: (value: { record: AckRecord; created: boolean }) => void; reject: (error: unknown) => void }[] = [];

  #flush() {
    const batch = this.#queue.splice(0);
    const insert = this.#db.prepare(
      'INSERT INTO acknowledgements (login, code, version, digest, time) VALUES (?, ?, ?, ?, ?) ON CONFLICT (login, code, version) DO NOTHING RETURNING *',
    );
    const existing = this.#db.prepare('SELECT * FROM acknowledgements WHERE login = ? AND code = ? AND version = ?');
    let results: { record: AckRecord; created: boolean }[];
    try {
      results = this.#transaction(() =>
        batch.map(({ record: r }) => {
          const inserted = insert.get(r.login, r.code, r.version, r.digest, r.time) as Row | undefined;
          return inserted
            ? { record: toRecord(inserted), created: true }
            : { record: toRecord(existing.get(r.login, r.code, r.version) as Row), created: false };
        }),
      );
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => item.resolve(results[i]!));
  }

  async recordsOf(code: string, version: string) {
    return (this.#db.prepare('SELECT * FROM acknowledgements WHERE code = ? AND version = ? ORDER BY id').all(code, version) as Row[]).map(toRecord);
  }

  async recordOf(login: string, code: string, version: string) {
    const row = this.#db.prepare('SELECT * FROM acknowledgements WHERE login = ? AND code = ? AND version = ?').get(login, code, version) as Row | undefined;
    return row && toRecord(row);
  }

  async countRecords() {
    return Number((this.#db.prepare('SELECT count(*) AS n FROM acknowledgements').get() as Row).n);
  }

  /** `VACUUM INTO`: one read transaction, so the copy is consistent while others write. */
  async backup(file: string) {
    await rm(file, { force: true });
    this.#db.prepare('VACUUM INTO ?').run(file);
    return 'SQLite VACUUM INTO (согласованная копия в одной транзакции чтения)';
  }

  async close() {
    if (this.#db.isOpen) this.#db.close();
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}
