import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import type { AppendixEntry, EditionEntry } from '../../src/model/corpus.ts';
import { decide, type Publication } from '../../src/publish/decide.ts';
import { documentData, type RenderBody } from '../../src/publish/document-data.ts';
import { renderer } from '../../src/publish/render-context.ts';
import { componentHomes, siteData } from '../../src/publish/site-data.ts';
import type { DocumentData } from '../../src/publish/view-data.ts';
import { check, type CheckResult } from '../../src/validation/check.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { internalSites } from '../helpers/rule-fixtures.ts';

/**
 * The projections of a publication — document data, site data, the render context — are pure
 * functions of it: tested here with a stub renderer, no Astro build. The real content with the editions
 * fixture (ПР-901 in three editions, ПР-902 cancelled and replaced by ПР-901, the confidential ПР-903).
 */
const DATE = '2026-11-26';
let root: string;
let checked: CheckResult;
let publication: Publication;
const rendered: Array<[string, string, string]> = [];

/** A body as the text's id, with the edition it was rendered against: what documentData passes on is visible. */
const stub: RenderBody = (code: string, entry: EditionEntry | AppendixEntry, own: EditionEntry) => {
  rendered.push([code, entry.id, own.id]);
  const segments = entry.id.startsWith('pt-035/') && 'number' in entry.data ? [{ component: 'QmsMap', props: {} }] : [{ html: `<p>${entry.id}</p>` }];
  return { segments, headings: [], sections: [] };
};

beforeAll(async () => {
  root = await contentRoot();
  await cp(path.join(projectRoot, 'test/editions/fixtures/site'), root, { recursive: true });
  checked = await check({ root, buildDate: DATE, sites: internalSites(DATE) });
  publication = decide(checked, loadConfig(projectRoot, {}, { contentRoot: root, audience: 'internal', buildDate: DATE }));
});

const dataOf = (code: string): DocumentData => documentData(publication, publication.byCode.get(code)!, stub)!;

describe('documentData', () => {
  it('carries the model’s status over the published editions, sharing their objects', () => {
    const doc = dataOf('ПР-901');
    expect(doc.editions.map((e) => [e.data.version, e.state])).toEqual([
      ['1.0', 'superseded'],
      ['2.0', 'superseded'],
      ['3.0', 'current'],
    ]);
    expect(doc.status.timeline.map((t) => t.edition)).toEqual(doc.editions);
    doc.status.timeline.forEach((t, i) => expect(t.edition).toBe(doc.editions[i]));
    expect(doc.status.current).toBe(doc.status.timeline[2]);
    expect(doc.status.shown).toBe(doc.status.current);
    expect(doc.status.state).toBe('current');
  });

  it('keeps a cancelled document’s cancellation and successor', () => {
    const doc = dataOf('ПР-902');
    expect(doc.status).toMatchObject({ state: 'cancelled', cancelledOn: '2024-06-01', replacedBy: 'ПР-901' });
    expect(doc.status.shown?.edition.data.version).toBe('1.0');
  });

  it('renders each edition against itself and each appendix against the shown edition', () => {
    rendered.length = 0;
    const doc = dataOf('ПТ-035');
    const shownId = doc.status.shown!.edition.id;
    expect(rendered.filter(([, entry]) => entry.includes('/')).length).toBe(doc.editions.length + doc.appendices.length);
    for (const [code, entry, own] of rendered) {
      expect(code).toBe('ПТ-035');
      expect(own).toBe(doc.editions.some((e) => e.id === entry) ? entry : shownId);
    }
  });

  it('names the published documents citing it (from the publication’s reference index)', () => {
    const citing = [...new Set(publication.references.documents['ПР-902']!.map((c) => c.from))];
    expect(dataOf('ПР-902').citedBy).toEqual(citing.filter((from) => from !== 'ПР-902'));
    expect(dataOf('ПР-902').citedBy).toEqual(['ПР-901']);
  });
});

describe('siteData and componentHomes', () => {
  it('projects the publication’s decisions and finds the appendix placing each record component', () => {
    const documents = publication.documents.flatMap((d) => documentData(publication, d, stub) ?? []);
    const site = siteData(publication, documents);
    expect(site.restricted).toEqual(['ПР-903']);
    expect(site.roles).toBe(publication.roles);
    expect(site.suspects).toBe(publication.suspects);
    expect(site.date).toBe(DATE);
    const pt035 = documents.find((d) => d.code === 'ПТ-035')!;
    expect(site.componentHomes).toEqual({ QmsMap: { code: 'ПТ-035', number: pt035.appendices[0]!.data.number, title: pt035.appendices[0]!.data.title } });
    expect(componentHomes([])).toEqual({});
  });
});

describe('renderer', () => {
  it('resolves references for the audience: a restricted code is marked, a published one titled', () => {
    const { contextFor, key } = renderer(publication);
    const own = publication.byCode.get('ПР-902')!.shown.edition;
    const context = contextFor('ПР-902', own);
    expect(context.documentTarget('ПР-903')).toBe('restricted');
    expect(context.documentTarget('ПР-901')).toEqual({ href: '/nd/pr-901/', title: expect.stringContaining('ПР-901') });
    expect(context.documentTarget('ПР-777')).toBeUndefined();
    expect(renderer(publication).key).toBe(key);
  });
});
