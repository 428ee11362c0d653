import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/validation/check.ts';
import { contentRoot, formatMessages, overlayFixture, projectRoot } from '../helpers/content-root.ts';

/**
 * One fixture pair per rule: `test/fixtures/rules/<rule>/pass` and `/fail` are laid over a copy of the
 * real content. The passing copy has no finding of the rule and no error at all; the failing one has
 * exactly the located messages in `expected.txt`.
 */
const fixtures = path.join(projectRoot, 'test/fixtures/rules');
const ruleOf = (dir: string) => dir.replace('-', '/');

async function run(dir: string, kind: 'pass' | 'fail') {
  const root = await contentRoot();
  await overlayFixture(root, `rules/${dir}/${kind}`);
  const result = await check({ root, buildDate: '2026-11-26' });
  return { result, lines: formatMessages(root, result.messages) };
}

describe.each(readdirSync(fixtures))('%s', (dir) => {
  const rule = ruleOf(dir);
  it('passes on correct references', async () => {
    const { result, lines } = await run(dir, 'pass');
    expect(lines).toEqual([]);
    expect(result.errors).toBe(0);
  });
  it('fails with exact located messages', async () => {
    const { lines } = await run(dir, 'fail');
    const expected = readFileSync(path.join(fixtures, dir, 'expected.txt'), 'utf8').trim().split('\n');
    expect(lines.filter((line) => line.endsWith(`  ${rule}`))).toEqual(expected);
  });
});
