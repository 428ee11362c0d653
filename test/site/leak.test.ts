import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { overlayFixture } from '../helpers/content-root.ts';
import { restrictedCorpus } from '../helpers/restricted-corpus.ts';
import { distTexts, filesContaining } from '../helpers/dist-scan.ts';

/**
 * Publication is decided once, before any page sees data. ПТ-035, public and in force as 1.0, gets a
 * trade-secret earlier edition 0.9 and a trade-secret later edition 2.0 (announced for 2027), each full
 * of markers — title, act, change summary, reference titles, a heading, body text — and each citing
 * the public ПР-900 and the trade-secret ПР-901. Neither edition may leave a trace in dist/ (Pagefind's
 * gzip files decompressed), for the public and the internal audience alike: not their text, titles,
 * references, citations or file paths. Built for `trade-secret`, every marker is there: the scan works.
 */
const MARKERS = ['title', 'act', 'changes', 'reftitle', 'citedtitle', 'heading', 'body'].flatMap((field) => [`qxzleakold${field}`, `qxzleaknew${field}`]);
const HIDDEN_FILES = ['pt-035/editions/0.9.mdx', 'pt-035/editions/2.0.mdx'];
const DATE = '2026-11-26';

let root: string;
const builds: Record<string, BuildResult> = {};
const texts: Record<string, Map<string, string>> = {};

beforeAll(async () => {
  root = await restrictedCorpus();
  await overlayFixture(root, 'leak');
  for (const audience of ['public', 'internal', 'trade-secret']) {
    builds[audience] = await buildSite({ root, date: DATE, audience });
    texts[audience] = builds[audience].code === 0 ? await distTexts(builds[audience].outDir) : new Map();
  }
});

describe.each(['public', 'internal'])('audience %s', (audience) => {
  it('builds, with ПТ-035 1.0 in force', async () => {
    expect(builds[audience]?.code, builds[audience]?.stderr).toBe(0);
    expect(texts[audience]?.get('nd/pt-035/index.html')).toContain('Политика МТС в области качества');
  });

  it.each(MARKERS)('no file under dist/ holds %s', (marker) => {
    expect(texts[audience]!.size).toBeGreaterThan(20);
    expect(filesContaining(texts[audience]!, marker)).toEqual([]);
  });

  it('no file path of a hidden edition, and no page of it', () => {
    expect(texts[audience]!.size).toBeGreaterThan(20);
    for (const file of HIDDEN_FILES) expect(filesContaining(texts[audience]!, file)).toEqual([]);
    expect(texts[audience]?.has('nd/pt-035/0.9/index.html')).toBe(false);
    expect(texts[audience]?.has('nd/pt-035/2.0/index.html')).toBe(false);
  });

  it('no citation from a hidden edition: ПР-900 is not «cited by» ПТ-035, references.json has no hidden text', async () => {
    const references = JSON.parse(texts[audience]!.get('references.json') ?? '{}') as { documents: Record<string, Array<{ from: string; entry: string }>> };
    const entries = Object.values(references.documents)
      .flat()
      .map((c) => c.entry);
    expect(entries).not.toContain('pt-035/0.9');
    expect(entries).not.toContain('pt-035/2.0');
    expect(references.documents['ПР-900']?.some((c) => c.from === 'ПТ-035') ?? false).toBe(false);
    const citedBy = /<h2 id="cited-by">[\s\S]*?<\/section>/.exec(texts[audience]!.get('nd/pr-900/index.html') ?? '')?.[0] ?? '';
    expect(citedBy).not.toContain('ПТ-035');
  });

  it('the announcement of the hidden 2.0 is not shown either', () => {
    expect(texts[audience]?.get('nd/pt-035/index.html')).not.toMatch(/Вступает в силу|1 марта 2027/);
  });
});

describe('audience trade-secret (the control)', () => {
  it('shows every marker and both editions', async () => {
    expect(builds['trade-secret']?.code, builds['trade-secret']?.stderr).toBe(0);
    const missing = MARKERS.filter((marker) => filesContaining(texts['trade-secret']!, marker).length === 0);
    expect(missing).toEqual([]);
    expect(texts['trade-secret']?.has('nd/pt-035/0.9/index.html')).toBe(true);
    expect(texts['trade-secret']?.has('nd/pt-035/2.0/index.html')).toBe(true);
    expect(await readFile(path.join(builds['trade-secret']!.outDir, 'references.json'), 'utf8')).toContain('pt-035/2.0');
  });
});
