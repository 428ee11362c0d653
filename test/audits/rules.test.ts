import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceSites } from '../../src/site/audience-pages.ts';
import { check } from '../../src/validation/check.ts';
import { contentRoot, formatMessages, overlayFixture, projectRoot } from '../helpers/content-root.ts';
import { checkOverlays, expectedLines } from '../helpers/rule-fixtures.ts';

/**
 * Quality and audit rules, one fixture pair each: a small content root (the real registries,
 * standards and ПТ-035, plus the valid records of `test/fixtures/audits/_base`) with `pass/` or
 * `fail/` laid over it. The passing root has no finding at all; the failing one has exactly the
 * located messages of `expected.txt`, and nothing else.
 */
const fixtures = path.join(projectRoot, 'test/fixtures/audits');
const BUILD_DATE = '2026-11-26';

async function run(dir: string, kind: 'pass' | 'fail' | 'none') {
  const folders = [path.join(fixtures, '_base'), ...(kind === 'none' ? [] : [path.join(fixtures, dir, kind)])];
  return (await checkOverlays(folders, { buildDate: BUILD_DATE, only: ['registries', 'standards', 'documents'] })).lines;
}

const dirs = readdirSync(fixtures).filter((dir) => !dir.startsWith('_'));

it('the base records are valid on their own', async () => {
  expect(await run('', 'none')).toEqual([]);
});

describe.each(dirs)('%s', (dir) => {
  it('passes on correct records', async () => {
    expect(existsSync(path.join(fixtures, dir, 'pass'))).toBe(true);
    expect(await run(dir, 'pass')).toEqual([]);
  });
  it('fails with exact located messages', async () => {
    const expected = expectedLines(path.join(fixtures, dir, 'expected.txt'));
    expect(await run(dir, 'fail')).toEqual(expected);
  });
});

describe('robustness', () => {
  it('reports, never crashes, when ISO 9001:2015 is missing from the catalog', async () => {
    const root = await contentRoot(
      { 'standards/iso-9001-2015.json': null, 'standards/iso-9001-2008.json': null },
      { only: ['registries', 'standards', 'documents'] },
    );
    await overlayFixture(root, 'audits/_base');
    const result = await check({ root, buildDate: BUILD_DATE });
    const lines = formatMessages(root, result.messages);
    expect(lines.filter((l) => l.includes('внутренняя ошибка'))).toEqual([]);
    expect(lines).toContain(
      'quality-standards/demo.json:24:9  error  требование CS-01: пункт 8.5.1 не проверить — в каталоге content/standards/ нет ISO 9001:2015  quality/requirement-refs',
    );
    expect(lines).toContain(
      'audits/2026/plans/2026-01.json:10:7  error  пункт 7.5 не проверить: в каталоге content/standards/ нет ISO 9001:2015 (iso-9001-2015.json)  ref/unknown-clause',
    );
  });
});

describe('links from MDX to quality and audit pages', () => {
  it('resolves existing pages and names the missing record', async () => {
    const appendix = 'documents/pt-035/appendices/3.mdx';
    const text = readFileSync(path.join(projectRoot, 'content', appendix), 'utf8');
    const added =
      'См. [программу](/audits/2026/), [стандарт](/quality-standards/demo/), [схему](/schemas/audit-plan.schema.json) и [план](/audits/plans/2026-09/).\n';
    const root = await contentRoot({ [appendix]: `${text}\n${added}` }, { only: ['registries', 'standards', 'documents'] });
    await overlayFixture(root, 'audits/_base');
    const result = await check({ root, buildDate: BUILD_DATE, sites: audienceSites({ audience: 'internal', buildDate: BUILD_DATE }) });
    const line = `${text}\n${added}`.split('\n').length - 1;
    const column = added.indexOf('[план]') + 1;
    expect(formatMessages(root, result.messages)).toEqual([
      `${appendix}:${line}:${column}  error  на сайте аудитории «internal» нет страницы «/audits/plans/2026-09/»: плана по аудиту «2026-09» нет; возможно, «/audits/plans/2026-01/»  ref/broken-link`,
    ]);
  });
});
