import { describe, expect, it } from 'vitest';
import { commandLine, UsageError } from '../../src/lib/command-line.ts';

const USAGE = 'Использование: npm run пример -- [--format F] [--root ПАПКА] [--dry-run]';
const OPTIONS = { format: { type: 'string' }, root: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;
const parse = (args: string[], allowPositionals = false) => commandLine({ args, options: OPTIONS, allowPositionals }, USAGE);
const failure = (args: string[]) => {
  try {
    parse(args);
  } catch (error) {
    if (error instanceof UsageError) return [error.exitCode, error.message] as const;
    throw error;
  }
  throw new Error('разобрано без ошибки');
};

describe('commandLine: node:util parseArgs with help and Russian errors', () => {
  it('parses what it is given', () => {
    expect(parse(['--format', 'json', '--dry-run']).values).toEqual({ format: 'json', 'dry-run': true });
  });

  it.each([['--help'], ['-h'], ['--root', 'x', '--help']])('%s is a request for the usage (exit 0)', (...args) => {
    expect(failure(args)).toEqual([0, USAGE]);
  });

  it('--help after -- is an argument, not a request', () => {
    expect(parse(['--', '--help'], true).positionals).toEqual(['--help']);
  });

  it.each([
    [['--fromat', 'json'], 'неизвестный параметр «--fromat»: возможно, «--format»'],
    [['--rot', 'x'], 'неизвестный параметр «--rot»: возможно, «--root»'],
    [['--verbose'], 'неизвестный параметр «--verbose»'],
    [['-q'], 'неизвестный параметр «-q»'],
    [['--root'], 'после «--root» нужно значение'],
    [['--dry-run=yes'], '«--dry-run» пишется без значения'],
    [['stray'], 'лишний аргумент «stray»'],
  ])('%j → «%s» (exit 2)', (args, message) => {
    expect(failure(args)).toEqual([2, message]);
  });
});
