import path from 'node:path';
import { PgStore } from './pg-store.ts';
import { SqliteStore, sqliteFile } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** Where the service keeps its data and listens: ND_ACK_DATABASE_URL, ND_ACK_DATA, ND_ACK_PORT. */
export interface AckEnvironment {
  databaseUrl?: string;
  dataDir: string;
  port: number;
}

export class AckSetupError extends Error {}

/** The port is `serve.ackPort` of nd.config.json, which ND_ACK_PORT overrides (src/lib/config.ts): nginx proxies /api/ there. */
export function ackEnvironment(cwd: string, env: NodeJS.ProcessEnv, port = 4322): AckEnvironment {
  const databaseUrl = env.ND_ACK_DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new AckSetupError('ND_ACK_DATABASE_URL: ожидается адрес postgres://пользователь@узел:порт/база');
  return { databaseUrl, dataDir: path.resolve(cwd, env.ND_ACK_DATA || '.nd/ack'), port };
}

/** PostgreSQL when a URL is given, else SQLite under the data folder; migrated before use. */
export async function openStore(environment: AckEnvironment): Promise<Store> {
  const store: Store = environment.databaseUrl ? new PgStore(environment.databaseUrl) : new SqliteStore(sqliteFile(environment.dataDir));
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => {});
    const where = environment.databaseUrl ? 'PostgreSQL (ND_ACK_DATABASE_URL)' : `SQLite ${sqliteFile(environment.dataDir)}`;
    throw new AckSetupError(`база ${where} недоступна или не обновляется: ${(error as Error).message}`);
  }
  return store;
}
