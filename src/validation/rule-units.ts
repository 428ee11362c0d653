import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RuleFixture } from '../schemas/rule-fixture.ts';

/**
 * A rule as a unit: the folder `src/validation/rules/<group>/<name>/` of the rule `<group>/<name>`
 * holds its module (`rule.ts`), a passing and a failing overlay of content files (`pass/`, `fail/`),
 * the located messages the failing one produces (`expected.txt`, one per line) and, when the
 * overlays need more than the whole real content at the default date, `fixture.json`. The one runner
 * (test/validation/rule-units.test.ts) and the authors' guide (npm run docs:rules) read units from here.
 */
export const RULES_DIR = path.join(import.meta.dirname, 'rules');

/** Folders under rules/ that start with `_` hold what units share (`_bases/<base>/`), not units. */
export const BASES_DIR = path.join(RULES_DIR, '_bases');

export interface RuleUnit {
  id: string;
  dir: string;
  fixture: RuleFixture;
  /** Absent when the unit has no such overlay: the runner fails it, as every rule has a pair. */
  pass?: string;
  fail?: string;
  expected: string[];
}

/** Every `<group>/<name>` folder under rules/, sorted: what the rule list must match. */
export function unitFolders(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((group) => group.isDirectory() && !group.name.startsWith('_'))
    .flatMap((group) => readdirSync(path.join(RULES_DIR, group.name)).map((name) => `${group.name}/${name}`))
    .sort();
}

/** The unit of a rule id, read from its folder. */
export function ruleUnit(id: string): RuleUnit {
  const dir = path.join(RULES_DIR, id);
  const at = (name: string) => (existsSync(path.join(dir, name)) ? path.join(dir, name) : undefined);
  const expectedFile = at('expected.txt');
  return {
    id,
    dir,
    fixture: readFixture(path.join(dir, 'fixture.json')),
    pass: at('pass'),
    fail: at('fail'),
    expected: expectedFile ? readFileSync(expectedFile, 'utf8').trim().split('\n') : [],
  };
}

/** A unit's `fixture.json` (defaults when absent); a malformed one is an error naming the file and the field. */
export function readFixture(file: string): RuleFixture {
  if (!existsSync(file)) return RuleFixture.parse({});
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: не JSON — ${(error as Error).message}`);
  }
  const parsed = RuleFixture.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
