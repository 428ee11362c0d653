import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content-root.ts';

/** The npm scripts' "pre" hook: on a Node too old for the TypeScript scripts it says so, instead of a stack trace. */
const { nodeProblem, installProblem } = createRequire(import.meta.url)('../../scripts/require-node.cjs') as {
  nodeProblem: (version: string) => string | undefined;
  installProblem: (projectRoot: string) => string | undefined;
};

describe('scripts/require-node.cjs', () => {
  it.each(['20.20.2', '22.11.0', '18.19.1'])('Node %s: what is wrong and how to get Node 24', (version) => {
    expect(nodeProblem(version)).toMatch(
      new RegExp(
        `^✗ нужен Node\\.js 22\\.12 или новее, а запущен ${version.replace(/\./g, '\\.')}\\.\\n[\\s\\S]*npm install --prefix ~/\\.cache/node24 --no-save node@24`,
      ),
    );
  });

  it.each(['22.12.0', '22.20.1', '24.21.0', '25.0.0'])('Node %s: nothing to say', (version) => {
    expect(nodeProblem(version)).toBeUndefined();
  });

  it('a project without its packages is told to run npm ci first', () => {
    expect(installProblem(mkdtempSync(path.join(tmpdir(), 'nd-fresh-')))).toBe('✗ пакеты проекта не установлены: сначала выполните npm ci.');
    expect(installProblem(projectRoot)).toBeUndefined();
  });

  it('passes quietly on the Node running the tests', () => {
    const run = spawnSync(process.execPath, ['scripts/require-node.cjs'], { cwd: projectRoot, encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });
});
