/**
 * `npm run check [-- --format human|text|json|sarif|gitlab|github] [--max-warnings N] [--root DIR] [--date YYYY-MM-DD] [--watch]`
 * Exit 0: no errors (and warnings within the limit); 1: findings; 2: bad usage or configuration.
 * `--watch` checks once, then again after every save, with the language server's incremental model.
 */
import { commandLine, exitWithUsage, UsageError } from '../src/lib/command-line.ts';
import { builtAudiences, ConfigError, loadConfig } from '../src/lib/config.ts';
import { unknownAudience } from '../src/publish/access.ts';
import { audienceSites } from '../src/site/audience-pages.ts';
import { runCheck } from '../src/validation/run.ts';
import { watch } from '../src/validation/watch.ts';
import { FORMATS, report, type Format } from '../src/validation/reporters/index.ts';

/** Other names people type for a format. */
const ALIASES: Record<string, Format> = { text: 'human' };
const NAMES = [...FORMATS, ...Object.keys(ALIASES)];

const USAGE = `Использование: npm run check -- [--format ${NAMES.join('|')}] [--max-warnings N] [--root ПАПКА] [--date ГГГГ-ММ-ДД] [--watch]`;

function usage(message: string): never {
  return exitWithUsage(new UsageError(message), USAGE);
}

async function main() {
  const { values } = commandLine(
    {
      options: {
        format: { type: 'string', default: 'human' },
        'max-warnings': { type: 'string' },
        root: { type: 'string' },
        date: { type: 'string' },
        watch: { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  const format = ALIASES[values.format] ?? (values.format as Format);
  if (!FORMATS.includes(format)) usage(`Неизвестный формат «${values.format}»; допустимые: ${NAMES.join(', ')}`);
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) usage('--max-warnings ожидает целое число');
  const config = loadConfig(process.cwd(), process.env, { contentRoot: values.root || undefined, buildDate: values.date || undefined });
  if (values.watch) {
    if (format !== 'human') usage('--watch печатает находки только в формате human');
    return watch(config, audienceSites(config));
  }
  const result = await runCheck(config, audienceSites(config));
  // The build stops on an audience the registry lacks (src/publish/access.ts); so does the check that guards it.
  const unknown = builtAudiences(config).filter((id) => !result.lookup.accessLevels.has(id));
  if (unknown.length) throw new ConfigError(unknownAudience(unknown, result.lookup.accessLevels.keys()));
  const output = report(format, result.messages, { files: result.corpus.files.length }, { repository: config.repository, site: config.site });
  if (output) process.stdout.write(`${output}\n`);
  const tooManyWarnings = result.warnings > maxWarnings;
  if (tooManyWarnings && format === 'human') process.stdout.write(`✗ предупреждений ${result.warnings} при пределе --max-warnings ${maxWarnings}\n`);
  process.exitCode = result.errors > 0 || tooManyWarnings ? 1 : 0;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) exitWithUsage(error, USAGE);
  if (error instanceof ConfigError) process.stderr.write(`✗ ${error.message}\n`);
  else process.stderr.write(`Проверка не выполнена: ${(error as Error).message ?? String(error)}\n`);
  process.exit(2);
});
