import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest, damerau } from './did-you-mean.ts';

/**
 * A command line the command cannot run with, worded for the one who typed it. `exitCode` 0 is a
 * request for help (`--help`, `-h`): the message is then the usage itself, printed to stdout.
 */
export class UsageError extends Error {
  readonly exitCode: 0 | 2;
  constructor(message: string, exitCode: 0 | 2 = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * `parseArgs` of node:util for every command of the portal, with what its own errors lack: `--help` and
 * `-h` give the usage, and a wrong option is named in Russian, with the nearest real one
 * («неизвестный параметр «--fromat»: возможно, «--format»») instead of Node's English sentence.
 */
export function commandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  const end = args.indexOf('--');
  if ((end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) throw new UsageError(usage, 0);
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(inRussian(error as NodeJS.ErrnoException, Object.keys(config.options ?? {})));
  }
}

/** The message of a UsageError with the usage under it, on the stream its exit code calls for; then exits. */
export function exitWithUsage(error: UsageError, usage: string, prefix = ''): never {
  if (error.exitCode === 0) process.stdout.write(`${error.message}\n`);
  else process.stderr.write(`${prefix}${error.message}\n${usage}\n`);
  process.exit(error.exitCode);
}

/** node:util's parse errors, by code; the option or argument is quoted in its message. */
function inRussian(error: NodeJS.ErrnoException, options: string[]): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? quoted;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // Two typing mistakes at most (a swapped pair is one): `--fromat` is `--format`, not `--root`.
    const typed = option.replace(/^-+/, '');
    const near = [closest(typed, options)].find((name) => name !== undefined && damerau(typed, name) <= 2);
    return `неизвестный параметр «${option}»${near ? `: возможно, «--${near}»` : ''}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return / argument missing/.test(error.message) ? `после «${option}» нужно значение` : `«${option}» пишется без значения`;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `лишний аргумент «${quoted}»`;
  return error.message;
}
