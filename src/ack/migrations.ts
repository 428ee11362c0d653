/**
 * Versioned migrations, one list for both databases: each version has its SQLite and its PostgreSQL
 * text. A database records the versions it applied in `ack_migrations`; a new version is a new entry
 * at the end, never an edit of an applied one.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

const APPEND_ONLY = 'записи об ознакомлении не изменяются и не удаляются';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'employees and append-only acknowledgements',
    sqlite: `
      CREATE TABLE employees (
        login TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        unit TEXT NOT NULL,
        roles TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE acknowledgements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        login TEXT NOT NULL,
        code TEXT NOT NULL,
        version TEXT NOT NULL,
        digest TEXT NOT NULL,
        time TEXT NOT NULL,
        UNIQUE (login, code, version)
      );
      CREATE INDEX acknowledgements_edition ON acknowledgements (code, version);
      CREATE TRIGGER acknowledgements_no_update BEFORE UPDATE ON acknowledgements
        BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END;
      CREATE TRIGGER acknowledgements_no_delete BEFORE DELETE ON acknowledgements
        BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END;
    `,
    postgres: `
      CREATE TABLE employees (
        login TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        unit TEXT NOT NULL,
        roles TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE acknowledgements (
        id BIGSERIAL PRIMARY KEY,
        login TEXT NOT NULL,
        code TEXT NOT NULL,
        version TEXT NOT NULL,
        digest TEXT NOT NULL,
        time TEXT NOT NULL,
        UNIQUE (login, code, version)
      );
      CREATE INDEX acknowledgements_edition ON acknowledgements (code, version);
      CREATE FUNCTION acknowledgements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '${APPEND_ONLY}'; END $$;
      CREATE TRIGGER acknowledgements_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON acknowledgements
        FOR EACH STATEMENT EXECUTE FUNCTION acknowledgements_append_only();
    `,
  },
];
