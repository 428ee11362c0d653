import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/validation/check.ts';
import { readFixture } from '../../src/validation/rule-units.ts';
import { RULES } from '../../src/validation/rules/index.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

/** The rule list and the rule ids are one thing: each id is a module, each module is in the list. */
const rulesDir = path.join(projectRoot, 'src/validation/rules');
const ids = RULES.map((rule) => rule.id);

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.(ts|mjs|astro)$/.test(entry.name)) yield full;
  }
}

describe('the one list of rules', () => {
  it('has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has one unit folder per rule, <group>/<name>/rule.ts for the id <group>/<name>, and no folder without a rule', () => {
    const folders = readdirSync(rulesDir, { withFileTypes: true })
      .filter((group) => group.isDirectory() && !group.name.startsWith('_'))
      .flatMap((group) => readdirSync(path.join(rulesDir, group.name)).map((name) => `${group.name}/${name}`));
    expect(folders.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(existsSync(path.join(rulesDir, id, 'rule.ts')), id).toBe(true);
  });

  it('describes every rule in Russian, with a severity and a link', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description).toMatch(/[а-яё]{3,}/);
      expect(rule.url).toBeTruthy();
    }
  });

  it('names where a load-time rule (no run) finds its problems, and that code reports under the id', () => {
    for (const rule of RULES) {
      expect(Boolean(rule.run) !== Boolean(rule.foundIn), `${rule.id}: run or foundIn, one of them`).toBe(true);
      if (!rule.foundIn) continue;
      for (const place of rule.foundIn) expect(existsSync(path.join(projectRoot, place)), `${rule.id}: ${place}`).toBe(true);
      const named = rule.foundIn.some((place) => place.endsWith('.ts') && readFileSync(path.join(projectRoot, place), 'utf8').includes(`'${rule.id}'`));
      expect(named, `${rule.id}: one of ${rule.foundIn.join(', ')} reports under this id`).toBe(true);
    }
  });

  it('knows every rule id the source code names', () => {
    const named = new Set<string>();
    for (const file of sources(path.join(projectRoot, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`]((?:syntax|schema|content|doc|registry|standard|ref|mdx|edition|audit|quality)\/[a-z]+(?:-[a-z]+)*)['"`]/g))
        named.add(m[1]!);
    }
    expect([...named].filter((id) => !ids.includes(id as (typeof ids)[number]))).toEqual([]);
  });
});

describe('fixture.json of a rule unit', () => {
  const write = (text: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'nd-fixture-')), 'fixture.json');
    writeFileSync(file, text);
    return file;
  };

  it('defaults to the whole content at 2026-11-26 when absent', () => {
    expect(readFixture(path.join(tmpdir(), 'nd-no-such-unit', 'fixture.json'))).toEqual({ buildDate: '2026-11-26', ownFixturesOnly: false, alsoReports: [] });
  });

  it('rejects, naming the file and the field, an impossible date, an unknown content folder or field', () => {
    const bad = write('{ "buildDate": "2025-02-30", "content": ["records"], "leadDays": 5 }');
    expect(() => readFixture(bad)).toThrow(bad);
    expect(() => readFixture(bad)).toThrow(/ГГГГ-ММ-ДД[\s\S]*buildDate/);
    expect(() => readFixture(bad)).toThrow(/content/);
    expect(() => readFixture(bad)).toThrow(/leadDays/);
    expect(() => readFixture(write('{ "base": '))).toThrow(/не JSON/);
  });
});

describe('check() with no options but the root and the date', () => {
  it('runs the edition and audit rules too', async () => {
    const root = await contentRoot({}, { only: ['registries', 'standards', 'documents'] });
    for (const fixture of [
      'src/validation/rules/_bases/records',
      'src/validation/rules/audit/overdue-action/fail',
      'src/validation/rules/edition/one-in-force/fail',
    ]) {
      await cp(path.join(projectRoot, fixture), root, { recursive: true });
    }
    const result = await check({ root, buildDate: '2026-11-26', sites: internalSites('2026-11-26') });
    const reported = new Set(result.messages.map((m) => m.ruleId));
    expect(reported).toContain('edition/one-in-force');
    expect(reported).toContain('audit/overdue-action');
    for (const id of reported) expect(ids).toContain(id);
  });

  it('silences a rule turned off, whatever part of the corpus found it', async () => {
    const root = await contentRoot({}, { only: ['registries', 'standards', 'documents'] });
    await cp(path.join(projectRoot, 'src/validation/rules/ref/unknown-standard/fail'), root, { recursive: true });
    const on = await check({ root, buildDate: '2026-11-26', sites: internalSites('2026-11-26') });
    expect(on.messages.some((m) => m.ruleId === 'ref/unknown-standard')).toBe(true);
    const off = await check({ root, buildDate: '2026-11-26', rules: { 'ref/unknown-standard': 'off' }, sites: internalSites('2026-11-26') });
    expect(off.messages.filter((m) => /стандарт «/.test(m.reason))).toEqual([]);
  });
});
