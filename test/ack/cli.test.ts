import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content-root.ts';

/** `npm run ack` refuses bad usage and settings in Russian, with exit 2 (usage) or 1 (settings), and no stack trace. */
const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, ['scripts/ack.ts', ...args], { cwd: projectRoot, env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('npm run ack: usage and settings', () => {
  it.each([
    [['frobnicate'], {}, 2, '✗ неизвестная команда «frobnicate»; использование: npm run ack'],
    [['backup'], {}, 2, '✗ использование: npm run ack'],
    [['employees'], {}, 2, '✗ использование: npm run ack'],
    [['backup', 'copy.sqlite'], { ND_ACK_PORT: 'восемь' }, 1, '✗ переменная окружения ND_ACK_PORT: '],
    [['backup', 'copy.sqlite'], { ND_ACK_DATABASE_URL: 'mysql://db/nd' }, 1, '✗ ND_ACK_DATABASE_URL: ожидается адрес postgres://'],
    [
      ['backup', 'copy.sql'],
      { ND_ACK_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nd' },
      1,
      '✗ база PostgreSQL (ND_ACK_DATABASE_URL) недоступна или не обновляется',
    ],
  ])('%j %j → exit %i', async (args, env, code, message) => {
    const result = await run(args, env as Record<string, string>);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
