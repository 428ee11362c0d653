import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content-root.ts';

/**
 * `npm run typecheck` (TypeScript 7's tsc over the .ts files, astro check over the .astro files; strict) is part
 * of the suite: a type error fails `npm test`.
 */
describe('npm run typecheck', () => {
  it('reports no errors in pages, components, scripts or tests', () => {
    const run = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(`${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /error/i.test(line) && !/0 errors/.test(line))).toEqual([]);
    expect(run.status).toBe(0);
  }, 600_000);
});

/** The tree stays as `npm run format` (Prettier, .prettierrc.json) leaves it; content and generated files excepted. */
describe('npm run format:check', () => {
  it('finds nothing to reformat', () => {
    const run = spawnSync('npm', ['run', '--silent', 'format:check'], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(`${run.stdout}${run.stderr}`.split('\n').filter((line) => line.startsWith('[warn]'))).toEqual([]);
    expect(run.status).toBe(0);
  }, 300_000);
});
