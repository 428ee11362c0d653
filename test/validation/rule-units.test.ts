import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASES_DIR, ruleUnit } from '../../src/validation/rule-units.ts';
import { RULES } from '../../src/validation/rules/index.ts';
import { overlayRoots } from '../helpers/rule-fixtures.ts';

/**
 * The one runner of rule units (src/validation/rules/<group>/<name>/). For every rule of the list:
 * its `pass/` overlay, laid over the content its fixture.json names, gives no finding at all; its
 * `fail/` overlay gives exactly the located messages of `expected.txt` for that rule, and no finding
 * of any other rule but those fixture.json declares in `alsoReports`.
 */
const units = RULES.map((rule) => ruleUnit(rule.id));
const { rootFor, made } = overlayRoots();

describe.each(units)('$id', (unit) => {
  const run = async (overlay: string | undefined) => {
    const { buildDate, reviewLeadDays } = unit.fixture;
    return (await (await rootFor(unit)).check(overlay, { buildDate, reviewLeadDays, rule: unit.id })).lines;
  };
  const own = (line: string) => line.endsWith(`  ${unit.id}`);

  it('has a passing and a failing overlay and the messages the failing one produces', () => {
    expect(unit.pass, `${unit.dir}/pass`).toBeDefined();
    expect(unit.fail, `${unit.dir}/fail`).toBeDefined();
    expect(unit.expected.length, `${unit.dir}/expected.txt`).toBeGreaterThan(0);
    expect(
      unit.expected.filter((line) => !own(line)),
      'every line of expected.txt is a finding of this rule',
    ).toEqual([]);
  });

  it('pass/: no finding at all', async () => {
    expect(unit.pass, `${unit.dir}/pass`).toBeDefined();
    expect(await run(unit.pass)).toEqual([]);
  });

  it('fail/: exactly the messages of expected.txt', async () => {
    expect(unit.fail, `${unit.dir}/fail`).toBeDefined();
    const lines = await run(unit.fail);
    expect(lines.filter(own)).toEqual(unit.expected);
    const allowed = (line: string) => unit.fixture.alsoReports.some((id) => line.endsWith(`  ${id}`));
    expect(
      lines.filter((line) => !own(line) && !allowed(line)),
      'findings of other rules',
    ).toEqual([]);
  });
});

describe.each(readdirSync(BASES_DIR))('base %s', (base) => {
  it('is valid on its own: the units laid over it fail only by their own overlay', async () => {
    const unit = units.find((u) => u.fixture.base === base);
    expect(unit, `a unit uses _bases/${base}`).toBeDefined();
    const root = await rootFor(unit!);
    expect((await root.check(undefined, { buildDate: unit!.fixture.buildDate })).lines).toEqual([]);
  });
});

describe('the shared content roots', () => {
  it('are as they were made once every unit has been checked: each overlay was taken off again', async () => {
    const roots = await made();
    expect(roots.length).toBeGreaterThan(1);
    for (const root of roots) expect(root.changed(), root.root).toEqual([]);
  });
});
