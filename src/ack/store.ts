/** What the acknowledgement service keeps, on SQLite or PostgreSQL alike. */

/** One acknowledgement: who, which edition, the digest of the text they confirmed, when. Never changed. */
export interface AckRecord {
  login: string;
  code: string;
  version: string;
  digest: string;
  /** ISO timestamp, UTC. */
  time: string;
}

/** An employee as HR exports them: login, full name, unit of units.json, role ids. */
export interface Employee {
  login: string;
  name: string;
  unit: string;
  roles: string[];
}

export interface EmployeeLoad {
  added: number;
  changed: number;
  /** Employees absent from the new file: no longer listed; their acknowledgements stay. */
  removed: number;
  total: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies the migrations not yet applied; returns their versions. */
  migrate(): Promise<number[]>;
  /** Replaces the employee list by HR's export, in one transaction. */
  replaceEmployees(list: readonly Employee[]): Promise<EmployeeLoad>;
  employee(login: string): Promise<Employee | undefined>;
  employees(): Promise<Employee[]>;
  /** Appends the record unless the login already acknowledged the edition; returns the one kept. */
  acknowledge(record: AckRecord): Promise<{ record: AckRecord; created: boolean }>;
  recordsOf(code: string, version: string): Promise<AckRecord[]>;
  recordOf(login: string, code: string, version: string): Promise<AckRecord | undefined>;
  countRecords(): Promise<number>;
  /** A consistent copy while the service keeps serving; returns how it was made. */
  backup(file: string): Promise<string>;
  close(): Promise<void>;
}

export class StoreError extends Error {}

/** Roles are kept as HR writes them: `auditor;unit-coordinator`. */
export const joinRoles = (roles: readonly string[]) => roles.join(';');
export const splitRoles = (roles: string) =>
  roles
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean);

/** A database row, as either driver returns it. */
export type Row = Record<string, unknown>;
/** Rows → values, the same for both databases (their columns are named alike). */
export const toEmployee = (row: Row): Employee => ({
  login: String(row.login),
  name: String(row.name),
  unit: String(row.unit),
  roles: splitRoles(String(row.roles)),
});
export const toRecord = (row: Row): AckRecord => ({
  login: String(row.login),
  code: String(row.code),
  version: String(row.version),
  digest: String(row.digest),
  time: String(row.time),
});
