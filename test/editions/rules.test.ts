import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/validation/rules/index.ts';
import { checkOverlays, expectedLines } from '../helpers/rule-fixtures.ts';

/**
 * One fixture pair per edition rule: `fixtures/rules/<rule>/pass` and `/fail` are laid over a copy of
 * the real content and checked at a fixed date. The passing copy has no finding at all; the failing
 * one has exactly the located messages of `expected.txt` for that rule.
 */
const BUILD_DATE = '2025-03-01';
const fixtures = path.join(import.meta.dirname, 'fixtures/rules');
const ruleOf = (dir: string) => dir.replace('-', '/');

const run = (dir: string, kind: 'pass' | 'fail') => checkOverlays([path.join(fixtures, dir, kind)], { rule: ruleOf(dir), buildDate: BUILD_DATE });

describe.each(readdirSync(fixtures))('%s', (dir) => {
  const rule = ruleOf(dir);
  it('is in the one list of rules that check() runs', () => {
    expect(RULES.map((r) => r.id)).toContain(rule);
  });
  it('passes on correct editions', async () => {
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
