import { readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceSites } from '../../src/site/audience-pages.ts';
import { check } from '../../src/validation/check.ts';
import { BASES_DIR } from '../../src/validation/rule-units.ts';
import { contentRoot, formatMessages, projectRoot } from '../helpers/content-root.ts';
import { OverlayRoot } from '../helpers/rule-fixtures.ts';

/**
 * Audit and quality records beyond one rule each (those are rule units, src/validation/rules/audit/…):
 * the references a record makes, checked by the ref/* rules, on a small content root (the real
 * registries, standards and ПТ-035, plus the valid records of the unit base `_bases/records`).
 */
const BUILD_DATE = '2026-11-26';
const refs = path.join(projectRoot, 'test/fixtures/record-refs');

describe('references in records (test/fixtures/record-refs)', () => {
  const root = OverlayRoot.create({ content: ['registries', 'standards', 'documents'], base: 'records' });
  it('passes on correct references', async () => {
    expect((await (await root).check(path.join(refs, 'pass'), { buildDate: BUILD_DATE })).lines).toEqual([]);
  });
  it('fails with exact located messages, one rule each', async () => {
    const expected = readFileSync(path.join(refs, 'expected.txt'), 'utf8').trim().split('\n');
    expect((await (await root).check(path.join(refs, 'fail'), { buildDate: BUILD_DATE })).lines).toEqual(expected);
  });
});

describe('robustness', () => {
  it('reports, never crashes, when ISO 9001:2015 is missing from the catalog', async () => {
    const root = await contentRoot(
      { 'standards/iso-9001-2015.json': null, 'standards/iso-9001-2008.json': null },
      { only: ['registries', 'standards', 'documents'] },
    );
    await cp(path.join(BASES_DIR, 'records'), root, { recursive: true });
    const result = await check({ root, buildDate: BUILD_DATE, sites: audienceSites({ audience: 'internal', buildDate: BUILD_DATE }) });
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
    await cp(path.join(BASES_DIR, 'records'), root, { recursive: true });
    const result = await check({ root, buildDate: BUILD_DATE, sites: audienceSites({ audience: 'internal', buildDate: BUILD_DATE }) });
    const line = `${text}\n${added}`.split('\n').length - 1;
    const column = added.indexOf('[план]') + 1;
    expect(formatMessages(root, result.messages)).toEqual([
      `${appendix}:${line}:${column}  error  на сайте аудитории «internal» нет страницы «/audits/plans/2026-09/»: плана по аудиту «2026-09» нет; возможно, «/audits/plans/2026-01/»  ref/broken-link`,
    ]);
  });
});
