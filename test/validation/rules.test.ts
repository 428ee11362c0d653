import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content-root.ts';
import { checkOverlays, expectedLines } from '../helpers/rule-fixtures.ts';

/**
 * One fixture pair per rule: `test/fixtures/rules/<rule>/pass` and `/fail` are laid over a copy of the
 * real content. The passing copy has no finding of the rule and no error at all; the failing one has
 * exactly the located messages in `expected.txt`.
 */
const fixtures = path.join(projectRoot, 'test/fixtures/rules');
const ruleOf = (dir: string) => dir.replace('-', '/');

const run = (dir: string, kind: 'pass' | 'fail') => checkOverlays([path.join(fixtures, dir, kind)], { rule: ruleOf(dir), buildDate: '2026-11-26' });

describe.each(readdirSync(fixtures))('%s', (dir) => {
  const rule = ruleOf(dir);
  it('passes on correct references', async () => {
    const { result, lines } = await run(dir, 'pass');
    expect(lines).toEqual([]);
    expect(result.errors).toBe(0);
  });
  it('fails with exact located messages', async () => {
    const { lines } = await run(dir, 'fail');
    const expected = expectedLines(path.join(fixtures, dir, 'expected.txt'));
    expect(lines.filter((line) => line.endsWith(`  ${rule}`))).toEqual(expected);
  });
});
