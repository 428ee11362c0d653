/**
 * `npm run ack` — the acknowledgement service («Лист ознакомления») on 127.0.0.1:ND_ACK_PORT (4322).
 * `npm run ack -- employees FILE.csv [--skip-invalid]` — loads HR's employee list.
 * `npm run ack -- backup FILE` — a consistent copy of the database while the service runs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { refusedBackupTarget } from '../src/ack/backup-target.ts';
import { AckSetupError, ackEnvironment, openStore } from '../src/ack/open-store.ts';
import { sqliteFile } from '../src/ack/sqlite-store.ts';
import { ConfigError, loadConfig, type SiteConfig } from '../src/lib/config.ts';
import { commandLine, exitWithUsage, UsageError } from '../src/lib/command-line.ts';
import { fsReason } from '../src/lib/fs-errors.ts';
import { decodeCsv, namesToIds, parseEmployees } from '../src/ack/employees-csv.ts';

const USAGE = 'использование: npm run ack | npm run ack -- employees ФАЙЛ.csv [--skip-invalid] | npm run ack -- backup ФАЙЛ';

class Stop extends Error {
  readonly code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

/** Failures of the content check at start, worded for the administrator. */
class CatalogStop extends Error {}

async function serve(config: SiteConfig) {
  const environment = ackEnvironment(process.cwd(), process.env, config.serve.ackPort);
  // The checker and the web framework load only for the command that needs them.
  const [{ buildApp }, { CatalogError, loadCatalog }] = await Promise.all([import('../src/ack/app.ts'), import('../src/ack/editions.ts')]);
  const catalog = await loadCatalog(config).catch((error: unknown) => {
    throw error instanceof CatalogError ? new CatalogStop(error.message) : error;
  });
  const store = await openStore(environment);
  const app = buildApp(store, catalog, { trustedProxies: config.serve.trustedProxies, ...config.ack, site: config.site });
  const address = await app.listen({ host: '127.0.0.1', port: environment.port });
  const asking = [...catalog.editions.values()].filter((e) => e.acknowledge).map((e) => `${e.code} ${e.version}`);
  process.stdout.write(
    `служба ознакомления: ${address}, база ${store.kind === 'sqlite' ? `SQLite в ${environment.dataDir}` : 'PostgreSQL'}, редакций ${catalog.editions.size}, с листом ознакомления: ${asking.join(', ') || 'нет'}\n`,
  );
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function employees(config: SiteConfig, file: string | undefined, skipInvalid: boolean) {
  if (!file) throw new Stop(USAGE, 2);
  const bytes = await readFile(file).catch((error: Error) => {
    throw new Stop(`${file}: файл не прочитан — ${fsReason(error)}`);
  });
  const decoded = decodeCsv(bytes);
  if (!decoded) throw new Stop(`${file}: файл не в кодировке UTF-8 и не в Windows-1251: сохраните его как «CSV UTF-8 (разделитель — запятая)»`);
  const text = decoded.text;
  if (decoded.encoding === 'windows-1251') process.stdout.write(`${file}: прочитан в кодировке Windows-1251 (так сохраняет «CSV» Excel)\n`);
  // The registries as the content has them now; the employees' units and roles must be found there.
  const { loadCorpus } = await import('../src/analysis/load.ts');
  const corpus = await loadCorpus(config.contentRootAbs);
  const registries = {
    units: new Set(corpus.units.map((u) => u.data.id)),
    roles: new Set(corpus.roles.map((r) => r.data.id)),
    unitNames: namesToIds(corpus.units.map((u) => u.data)),
    roleNames: namesToIds(corpus.roles.map((r) => r.data)),
  };
  const { employees: list, problems } = parseEmployees(text, registries);
  const shown = path.relative(process.cwd(), path.resolve(file)) || file;
  for (const problem of problems) process.stdout.write(`${shown}:${problem.line}: ${problem.message}\n`);
  if (problems.length && !skipInvalid)
    throw new Stop(
      `строк с ошибками: ${problems.length}; список сотрудников не изменён. Исправьте файл или загрузите только верные строки: npm run ack -- employees ${file} --skip-invalid`,
    );
  if (list.length === 0) throw new Stop('в файле нет ни одного верного сотрудника; список не изменён');
  const store = await openStore(ackEnvironment(process.cwd(), process.env, config.serve.ackPort));
  try {
    const load = await store.replaceEmployees(list);
    process.stdout.write(
      `сотрудники загружены: всего ${load.total}, новых ${load.added}, изменённых ${load.changed}, выбывших ${load.removed}${problems.length ? `; пропущено строк с ошибками: ${problems.length}` : ''}\n`,
    );
  } finally {
    await store.close();
  }
}

async function backup(config: SiteConfig, file: string | undefined) {
  if (!file) throw new Stop(USAGE, 2);
  const environment = ackEnvironment(process.cwd(), process.env, config.serve.ackPort);
  const live = environment.databaseUrl ? [] : ['', '-wal', '-shm'].map((suffix) => `${sqliteFile(environment.dataDir)}${suffix}`);
  const refused = refusedBackupTarget(file, live);
  if (refused) throw new Stop(`копия не сделана: ${refused}`);
  const store = await openStore(environment);
  try {
    const how = await store.backup(path.resolve(file)).catch((error: Error) => {
      throw new Stop(`копия не сделана: ${fsReason(error)}`);
    });
    process.stdout.write(`копия базы: ${file} — ${how}; записей об ознакомлении: ${await store.countRecords()}\n`);
  } finally {
    await store.close();
  }
}

async function main() {
  const { positionals, values } = commandLine({ allowPositionals: true, options: { 'skip-invalid': { type: 'boolean', default: false } } }, USAGE);
  const [command, file, ...rest] = positionals;
  if (rest.length) throw new Stop(USAGE, 2);
  const config = loadConfig();
  if (command === undefined || command === 'serve') return serve(config);
  if (command === 'employees') return employees(config, file, values['skip-invalid']);
  if (command === 'backup') return backup(config, file);
  throw new Stop(`неизвестная команда «${command}»; ${USAGE}`, 2);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) exitWithUsage(error, USAGE, '✗ ');
  if (error instanceof Stop || error instanceof ConfigError || error instanceof CatalogStop || error instanceof AckSetupError) {
    process.stderr.write(`✗ ${error.message}\n`);
    process.exit(error instanceof Stop ? error.code : 1);
  }
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    process.stderr.write(`✗ порт занят: задайте другой в ND_ACK_PORT\n`);
    process.exit(1);
  }
  throw error;
});
