import { cp } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/validation/check.ts';
import { EXTRA_RULES } from '../../src/validation/extra-rules.ts';
import { contentRoot, formatMessages } from '../helpers/content-root.ts';

/**
 * One fixture pair per edition rule: `fixtures/rules/<rule>/pass` and `/fail` are laid over a copy of
 * the real content and checked at a fixed date. The passing copy has no finding at all; the failing
 * one has exactly the located messages of `expected.txt` for that rule.
 */
const BUILD_DATE = '2025-03-01';
const fixtures = path.join(import.meta.dirname, 'fixtures/rules');
const ruleOf = (dir: string) => dir.replace('-', '/');

async function run(dir: string, kind: 'pass' | 'fail') {
  const root = await contentRoot();
  await cp(path.join(fixtures, dir, kind), root, { recursive: true });
  const result = await check({ root, buildDate: BUILD_DATE, extraRules: EXTRA_RULES });
  return { result, lines: formatMessages(root, result.messages) };
}

describe.each(readdirSync(fixtures))('%s', (dir) => {
  const rule = ruleOf(dir);
  it('is registered for npm run check', () => {
    expect(EXTRA_RULES.map((r) => r.id)).toContain(rule);
  });
  it('passes on correct editions', async () => {
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
