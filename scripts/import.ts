/**
 * `npm run import -- <файл или папка…> [--dry-run] [--out content] [--code ПТ-035] [--version 1.0] [--report ПАПКА] [--source-url URL] [--legacy-map CSV]`
 * Imports DOCX, ODT, DOC, RTF (through LibreOffice), saved HTML, PDF and text exports as MDX editions, checks the result, writes
 * import-report.md and import-report.json. Exit 0: all imported; 1: some failed; 2: bad usage.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { commandLine, exitWithUsage, UsageError } from '../src/lib/command-line.ts';
import { parseCode } from '../src/lib/codes.ts';
import { ConfigError, loadConfig } from '../src/lib/config.ts';
import { collectInputs, importBatch } from '../src/import/batch.ts';
import { summaryTable, writeReports } from '../src/import/report.ts';
import { readLegacyMap, type LegacySource } from '../src/import/legacy.ts';
import { fsReason } from '../src/lib/fs-errors.ts';

const USAGE =
  'Использование: npm run import -- <файл или папка…> [--dry-run] [--out content] [--code ПТ-035] [--version 1.0] [--report ПАПКА (по умолчанию .nd/import)] [--source-url https://intranet.example/nd/] [--legacy-map старые-адреса.csv]';

function usage(message: string): never {
  return exitWithUsage(new UsageError(message), USAGE);
}

async function main() {
  const { values, positionals } = commandLine(
    {
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        out: { type: 'string' },
        code: { type: 'string' },
        version: { type: 'string' },
        report: { type: 'string', default: '.nd/import' },
        'source-url': { type: 'string' },
        'legacy-map': { type: 'string' },
      },
    },
    USAGE,
  );
  if (positionals.length === 0) usage('Укажите файл или папку для импорта.');
  const missing = positionals.filter((input) => !existsSync(input));
  if (missing.length) usage(`не найдено: ${missing.map((m) => `«${m}»`).join(', ')}; ничего не импортировано`);
  if ((await collectInputs(positionals)).length === 0)
    usage(`в ${positionals.map((p) => `«${p}»`).join(', ')} нет ни одного файла для импорта (скрытые не считаются); ничего не импортировано`);
  const code = values.code === undefined ? undefined : parseCode(values.code)?.code;
  if (values.code !== undefined && !code) usage(`--code «${values.code}»: код пишется кириллицей, например ПТ-035`);
  if (values.version !== undefined && !/^\d+(\.\d+)*$/.test(values.version))
    usage(`--version «${values.version}»: номер редакции — числа через точку, например 1.0`);
  const config = loadConfig(process.cwd());
  const out = values.out ?? config.contentRoot;
  // Imports are written into a content root: a mistyped --out would grow a stray tree that nothing checks or publishes.
  if (!existsSync(path.join(out, 'registries')))
    usage(`--out «${out}»: это не папка содержимого (в ней нет registries/); укажите папку содержимого портала, например content; ничего не импортировано`);
  if ((code || values.version) && (positionals.length > 1 || !/\.[a-z]+$/i.test(positionals[0]!)))
    usage('--code и --version относятся к одному файлу: укажите один файл.');
  try {
    await mkdir(values.report, { recursive: true });
  } catch (error) {
    usage(`--report «${values.report}»: папку для отчёта не создать (${fsReason(error)}); ничего не импортировано`);
  }
  const sourceUrl = values['source-url'];
  if (sourceUrl !== undefined && !/^(https?:\/\/[^/]+)?\//i.test(sourceUrl))
    usage(`--source-url «${sourceUrl}»: укажите адрес старого раздела, например https://intranet.example/nd/ или /nd/`);
  let legacy: LegacySource | undefined;
  try {
    legacy =
      sourceUrl !== undefined || values['legacy-map'] !== undefined
        ? { ...(sourceUrl ? { sourceUrl } : {}), ...(values['legacy-map'] ? { map: await readLegacyMap(values['legacy-map']) } : {}) }
        : undefined;
  } catch (error) {
    usage((error as Error).message);
  }
  const result = await importBatch({ inputs: positionals, out, dryRun: values['dry-run'], code, version: values.version, config, legacy });
  const reports = await writeReports(result, values.report, { dryRun: values['dry-run'], out });
  process.stdout.write(`${summaryTable(result)}\nОтчёт: ${reports.join(', ')}\n`);
  process.exitCode = result.summary.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) exitWithUsage(error, USAGE);
  process.stderr.write(error instanceof ConfigError ? `✗ ${error.message}\n` : `Импорт не выполнен: ${(error as Error).message ?? String(error)}\n`);
  process.exit(2);
});
