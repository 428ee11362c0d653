import { readFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideAccess } from '../../src/publish/access.ts';
import { check, type CheckResult } from '../../src/validation/check.ts';
import { buildSite } from '../helpers/build-site.ts';
import { overlay, projectRoot } from '../helpers/content-root.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

/**
 * Which documents a build publishes, for each audience: one document per access level of the registry,
 * one with a level the registry does not know, and one whose forbidden code keeps its file out.
 */
const MINIMAL = path.join(projectRoot, 'test/bad-input/minimal');
const base = readFileSync(path.join(MINIMAL, 'documents/pr-001/editions/1.0.mdx'), 'utf8');
const doc = (code: string, access: string, body = '') => base.replace('code: ПР-001', `code: ${code}`).replace('access: public', `access: ${access}`) + body;
const DATE = '2026-11-26';

let root: string;
let result: CheckResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nd-audience-'));
  await cp(MINIMAL, root, { recursive: true });
  await overlay(root, {
    'documents/pr-002/editions/1.0.mdx': doc('ПР-002', 'internal'),
    'documents/pr-003/editions/1.0.mdx': doc('ПР-003', 'confidential'),
    'documents/pr-004/editions/1.0.mdx': doc('ПР-004', 'trade-secret'),
    'documents/pr-005/editions/1.0.mdx': doc('ПР-005', 'top-secret'),
    'documents/pr-006/editions/1.0.mdx': doc('ПР-006', 'public', '\nТекст {process.exit(3)}\n'),
  });
  result = await check({ root, buildDate: DATE, sites: internalSites(DATE) });
});

describe('decideAccess', () => {
  it.each([
    ['public', ['ПР-001', 'ПР-006']],
    ['internal', ['ПР-001', 'ПР-002', 'ПР-006']],
    ['confidential', ['ПР-001', 'ПР-002', 'ПР-003', 'ПР-006']],
    ['trade-secret', ['ПР-001', 'ПР-002', 'ПР-003', 'ПР-004', 'ПР-006']],
  ])('audience %s publishes %j; the rest are restricted, an unknown level always', (audience, published) => {
    const decision = decideAccess(result, audience, DATE);
    expect(decision.problem).toBeUndefined();
    expect([...decision.published].sort()).toEqual(published);
    expect([...decision.restricted].sort()).toEqual(['ПР-001', 'ПР-002', 'ПР-003', 'ПР-004', 'ПР-005', 'ПР-006'].filter((c) => !published.includes(c)));
  });

  it('never lets Astro load a file with forbidden code, and says why', () => {
    const decision = decideAccess(result, 'trade-secret', DATE);
    expect([...decision.files].sort()).toEqual([
      'documents/pr-001/editions/1.0.mdx',
      'documents/pr-002/editions/1.0.mdx',
      'documents/pr-003/editions/1.0.mdx',
      'documents/pr-004/editions/1.0.mdx',
    ]);
    expect(decision.refused.get('documents/pr-006/editions/1.0.mdx')).toMatch(
      /pr-006\/editions\/1\.0\.mdx: в тексте код, который содержимому запрещён \(mdx\/forbidden-code\): выражение «\{process\.exit\(3\)\}» обращается к «process»/,
    );
  });

  it('refuses an audience the registry does not know', () => {
    const decision = decideAccess(result, 'everyone', DATE);
    expect(decision.problem).toBe(
      'уровень доступа «everyone», до которого публикует сборка (audience или audiences в nd.config.json, ND_AUDIENCE или --audiences), не найден в registries/access-levels.json; известные: public, internal, confidential, trade-secret',
    );
    expect(decision.published.size).toBe(0);
  });
});

describe('npm run build with an unknown audience', () => {
  it('stops before building anything, with the Russian reason', async () => {
    const clean = await mkdtemp(path.join(tmpdir(), 'nd-audience-clean-'));
    await cp(MINIMAL, clean, { recursive: true });
    const built = await buildSite({ root: clean, date: DATE, audience: 'everyone' });
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^✗ сборка остановлена: уровень доступа «everyone», до которого публикует сборка .* не найден/m);
    expect(built.stderr).not.toMatch(/^\s+at /m);
  });
});
