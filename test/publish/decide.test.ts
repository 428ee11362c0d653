import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import { documentStatus } from '../../src/model/editions.ts';
import { decide, type Publication } from '../../src/publish/decide.ts';
import { check, type CheckResult } from '../../src/validation/check.ts';
import { projectRoot } from '../helpers/content-root.ts';
import { restrictedCorpus } from '../helpers/restricted-corpus.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

/**
 * decide(): every audience decision, made once from the checked corpus and nothing rendered. The real
 * content with the `publication` fixture: a public ПР-900 whose old edition 0.9 is a trade secret, citing
 * the trade-secret ПР-901, which defines a role and a term.
 */
const DATE = '2026-11-26';
let root: string;
let checked: CheckResult;

beforeAll(async () => {
  root = await restrictedCorpus();
  checked = await check({ root, buildDate: DATE, sites: internalSites(DATE) });
});

const decided = (audience: string): Publication => decide(checked, loadConfig(projectRoot, {}, { contentRoot: root, audience, buildDate: DATE }));
const codes = (p: Publication) => p.documents.map((d) => d.entry.code);

describe('decide', () => {
  it('publishes the documents whose shown edition is within the audience, and restricts the rest', () => {
    const internal = decided('internal');
    expect(codes(internal)).toEqual(expect.arrayContaining(['ПТ-035', 'ПР-900']));
    expect(codes(internal)).not.toContain('ПР-901');
    expect([...internal.access.restricted]).toEqual(['ПР-901']);
    expect(codes(decided('trade-secret'))).toContain('ПР-901');
  });

  it('keeps of a published document only the editions within the audience', () => {
    const versions = (p: Publication) => p.byCode.get('ПР-900')?.entry.editions.map((e) => e.data.version);
    expect(versions(decided('internal'))).toEqual(['1.0']);
    expect(versions(decided('trade-secret'))).toEqual(['0.9', '1.0']);
  });

  it('computes each document’s state once, in the model, and the shown edition is the model’s', () => {
    const publication = decided('internal');
    for (const doc of publication.documents) {
      expect(doc.status).toBe(documentStatus(doc.entry.editions, DATE));
      expect(doc.shown).toBe(doc.status.shown);
    }
  });

  it('publishes roles and terms of published documents only', () => {
    const ids = (p: Publication) => [...p.roles.map((r) => r.id), ...p.terms.map((t) => t.id)];
    expect(ids(decided('internal'))).not.toEqual(expect.arrayContaining(['qxzmarkroleid']));
    expect(ids(decided('internal'))).not.toContain('qxzmarktermid');
    expect(ids(decided('trade-secret'))).toEqual(expect.arrayContaining(['qxzmarkroleid', 'qxzmarktermid']));
  });

  it('publishes audit records and the control of standards to an audience that may read audits only', () => {
    const pub = decided('public');
    expect(pub.auditsPublished).toBe(false);
    expect(Object.keys(pub.records).sort()).toEqual(['qms-map', 'quality-standard'].filter((k) => k in decided('internal').records));
    expect(pub.standards.some((s) => 'control' in s)).toBe(false);
    const internal = decided('internal');
    expect(internal.auditsPublished).toBe(true);
    expect(Object.keys(internal.records)).toEqual(expect.arrayContaining(['audit-program']));
    expect(internal.standards.some((s) => 'control' in s)).toBe(true);
  });

  it('indexes citations between published texts only, each naming its file as the repository does', () => {
    const internal = decided('internal');
    expect(internal.references.documents['ПР-901']).toBeUndefined();
    const citations = [...Object.values(internal.references.documents), ...Object.values(internal.references.standards)].flat();
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(internal.byCode.has(c.from)).toBe(true);
      expect(c.file).toMatch(/^documents\/.+\.mdx$/);
    }
    expect(decided('trade-secret').references.documents['ПР-901']?.map((c) => c.from)).toContain('ПР-900');
  });

  it('decides which files are rendered and where the repository keeps them', () => {
    const internal = decided('internal');
    const pr900 = internal.byCode.get('ПР-900')!;
    expect(internal.isPublishedFile(pr900.shown.edition)).toBe(true);
    // The root is an absolute temporary folder outside any repository: its path is never published.
    expect(internal.sourcePath(pr900.shown.edition)).toBe('documents/pr-900/editions/1.0.mdx');
    expect(internal.commitsOf(pr900.shown.edition)).toBeUndefined();
  });

  it('marks an author’s link to a restricted document, and leaves a published one alone', () => {
    const internal = decided('internal');
    expect(internal.linkTarget('/nd/pr-901/')).toEqual({ restricted: 'ПР-901' });
    expect(internal.linkTarget('/nd/pr-900/0.9/')).toBe('unlinked');
    expect(internal.linkTarget('/nd/pr-900/')).toBeUndefined();
  });

  it('refuses an audience the registry does not know, naming it', () => {
    expect(decided('everyone').access.problem).toMatch(/«everyone»/);
  });
});
