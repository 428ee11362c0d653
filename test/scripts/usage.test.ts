import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content-root.ts';

/** Each command as a user types it: `--help` prints its usage and exits 0; a mistyped option is named in Russian, exit 2. */
const COMMANDS = [
  ['check', /^Использование: npm run check -- /],
  ['build', /^Использование: npm run build -- /],
  ['import', /^Использование: npm run import -- /],
  ['report', /^Использование: npm run report -- /],
  ['new', /^Использование:\n {2}npm run new -- document/],
  ['ack', /^использование: npm run ack /],
  ['serve', /^Использование: \[PORT=4321\] npm start -- /],
  ['lsp', /^Использование: npm run lsp /],
] as const;

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PORT: '' } });

describe('the commands’ usage', () => {
  it.each(COMMANDS)('npm run %s -- --help: the usage on stdout, exit 0, nothing done', (script, usage) => {
    const result = run(script, ['--help']);
    expect(result.stdout).toMatch(usage);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(COMMANDS.filter(([script]) => script !== 'lsp'))('npm run %s -- --verbose: named in Russian with the usage, exit 2', (script, usage) => {
    const result = run(script, ['--verbose']);
    expect(result.stderr).toContain('неизвестный параметр «--verbose»');
    // The message, then the usage under it.
    expect(result.stderr.slice(result.stderr.indexOf('\n') + 1)).toMatch(usage);
    expect(result.stderr).not.toMatch(/Unknown option|\n\s+at /);
    expect(result.status).toBe(2);
  });
});
