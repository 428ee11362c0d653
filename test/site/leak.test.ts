import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { overlayFixture, projectRoot } from '../helpers/content-root.ts';
import { restrictedCorpus } from '../helpers/restricted-corpus.ts';
import { distTexts, filesContaining, markersAbove, type Marker } from '../helpers/dist-scan.ts';

/**
 * Publication is decided once, before any page sees data, and the public view is computed from what the
 * audience may read. The corpus («B») holds, besides the public documents:
 * - ПТ-035, public and in force as 1.0, with a trade-secret earlier edition 0.9 and a trade-secret later
 *   edition 2.0 (announced for 2027), each citing the public ПР-900 and the trade-secret ПР-901 (`leak`);
 * - ПР-903, public 1.0 (2023) and 2.0 (2025) with a confidential 1.5 (2024) between them; its public text
 *   links by Markdown to the restricted ПР-901 and to ПР-900's hidden edition (`leak-public`, `leak-hidden`);
 * - the hidden ПР-904 (trade secret) and ПР-905 (internal), citing public documents and standards.
 * Every hidden thing carries markers (title, act, change summary, reference titles, heading, body). One
 * build writes a site per audience (`--audiences`, `dist/<audience>/`). Each audience's site (Pagefind's
 * files and the build's .gz/.br copies decompressed) holds no marker above its audience and every marker
 * at or below it (the control: the scan finds what is there). The public site built from corpus A — the
 * same without any hidden document or edition — is byte for byte the public site built from B.
 */
const MARKERS: Marker[] = [
  ...['title', 'act', 'changes', 'reftitle', 'citedtitle', 'heading', 'body'].flatMap((field) => [
    { text: `qxzleakold${field}`, access: 'trade-secret' },
    { text: `qxzleaknew${field}`, access: 'trade-secret' },
  ]),
  ...['title', 'act', 'changes', 'body'].flatMap((field) => [
    { text: `qxzleakhidden${field}`, access: 'trade-secret' },
    { text: `qxzleakinternal${field}`, access: 'internal' },
    { text: `qxzleakbetween${field}`, access: 'confidential' },
  ]),
  { text: 'qxzleakbetweenreftitle', access: 'confidential' },
];
const RANK: Record<string, number> = { public: 0, internal: 1, confidential: 2, 'trade-secret': 3 };
const AUDIENCES = ['public', 'internal', 'confidential'] as const;
const HIDDEN_FILES = ['pt-035/editions/0.9.mdx', 'pt-035/editions/2.0.mdx', 'pr-904/editions/1.0.mdx', 'pr-903/editions/1.5.mdx'];
const DATE = '2026-11-26';

let rootA: string;
let rootB: string;
let build: BuildResult;
const texts: Record<string, Map<string, string>> = {};
let publicA: Map<string, Buffer>;
let publicB: Map<string, Buffer>;

/**
 * The project's configuration with `ref/broken-link` a warning: ПР-903's links to ПР-901 and to ПР-900's
 * hidden edition are dead on the narrower sites, and the check says so (asserted below); this suite
 * builds despite them to show that what such links would leak never reaches a page.
 */
async function configWithLinkWarnings(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nd-leak-config-'));
  const file = path.join(dir, 'nd.config.json');
  const config = JSON.parse(await readFile(path.join(projectRoot, 'nd.config.json'), 'utf8')) as { rules?: Record<string, string> };
  await writeFile(file, JSON.stringify({ ...config, $schema: undefined, rules: { ...config.rules, 'ref/broken-link': 'warning' } }));
  return file;
}

beforeAll(async () => {
  const env = { ND_CONFIG: await configWithLinkWarnings() };
  rootA = await restrictedCorpus();
  await overlayFixture(rootA, 'leak-public');
  rootB = await restrictedCorpus();
  for (const fixture of ['leak-public', 'leak', 'leak-hidden']) await overlayFixture(rootB, fixture);
  // One check, a site per audience (`dist/<audience>/`), as the intranet is served; trade-secret is the control.
  build = await buildSite({ root: rootB, date: DATE, env, args: ['--audiences', [...AUDIENCES, 'trade-secret'].join(',')] });
  for (const audience of [...AUDIENCES, 'trade-secret']) {
    texts[audience] = build.code === 0 ? await distTexts(path.join(build.outDir, audience)) : new Map();
  }
  const a = await buildSite({ root: rootA, date: DATE, env, args: ['--audiences', 'public'] });
  if (a.code !== 0) throw new Error(`сборка корпуса A не удалась:\n${a.stderr}`);
  publicA = await distBytes(path.join(a.outDir, 'public'));
  publicB = build.code === 0 ? await distBytes(path.join(build.outDir, 'public')) : new Map();
}, 300_000);

async function distBytes(dir: string): Promise<Map<string, Buffer>> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  return new Map(await Promise.all(files.sort().map(async (f) => [f, await readFile(path.join(dir, f))] as const)));
}

describe('the check names the links dead on a narrower site', () => {
  it('ПР-903 links to the trade-secret ПР-901: no site below trade-secret has its page or its appendix', () => {
    const output = `${build.stdout}\n${build.stderr}`;
    expect(output).toContain(
      'на сайтах аудиторий «public», «internal», «confidential» нет страницы «/nd/pr-901/»: документ ПР-901 этой аудитории не публикуется',
    );
    expect(output).toContain('на сайтах аудиторий «public», «internal», «confidential» нет страницы «/nd/pr-901/appendices/1/»');
  });
});

describe('the public site does not change when hidden documents and editions are added', () => {
  it('corpus A and corpus A + hidden give the same files, byte for byte', () => {
    expect(publicB.size).toBeGreaterThan(20);
    expect([...publicB.keys()]).toEqual([...publicA.keys()]);
    const differing = [...publicA].filter(([file, bytes]) => !bytes.equals(publicB.get(file) ?? Buffer.alloc(0))).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});

describe.each(AUDIENCES)('audience %s', (audience) => {
  it('builds, with ПТ-035 1.0 in force', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(texts[audience]?.get('nd/pt-035/index.html')).toContain('Политика МТС в области качества');
  });

  it('holds no marker above its audience, and every marker at or below it', () => {
    expect(texts[audience]!.size).toBeGreaterThan(20);
    const above = markersAbove(MARKERS, audience, RANK);
    expect(above.length).toBeGreaterThan(0);
    expect(above.filter((m) => filesContaining(texts[audience]!, m.text).length > 0).map((m) => m.text)).toEqual([]);
    const within = MARKERS.filter((m) => !above.includes(m));
    expect(within.filter((m) => filesContaining(texts[audience]!, m.text).length === 0).map((m) => m.text)).toEqual([]);
  });

  it('no file path of a hidden edition, no page of it, and no absolute content path', () => {
    for (const file of HIDDEN_FILES.filter((f) => !(audience === 'confidential' && f.startsWith('pr-903')))) {
      expect(filesContaining(texts[audience]!, file)).toEqual([]);
    }
    expect(texts[audience]?.has('nd/pt-035/0.9/index.html')).toBe(false);
    expect(texts[audience]?.has('nd/pt-035/2.0/index.html')).toBe(false);
    expect(filesContaining(texts[audience]!, rootB)).toEqual([]);
    expect(filesContaining(texts[audience]!, path.dirname(rootB))).toEqual([]);
    const references = JSON.parse(texts[audience]!.get('references.json') ?? '{}') as { documents: Record<string, Array<{ file: string }>> };
    const files = Object.values(references.documents)
      .flat()
      .map((c) => c.file);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^documents\//);
    expect(texts[audience]?.get('nd/pt-035/index.html')).toMatch(
      /Исходный файл: <a href="[^"]+\/documents\/pt-035\/editions\/1\.0\.mdx">documents\/pt-035\/editions\/1\.0\.mdx<\/a>/,
    );
  });

  it('no citation from a hidden edition: ПР-900 is not «cited by» ПТ-035, references.json has no hidden text', () => {
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

  it('the standards pages still list ПТ-035 as citing them (its hidden latest edition does not take its place)', () => {
    for (const standard of ['iso-9001-2015', 'iso-19011-2018']) {
      const citedBy = /<h2 id="cited-by">[\s\S]*?<\/article>/.exec(texts[audience]!.get(`standards/${standard}/index.html`) ?? '')?.[0] ?? '';
      expect(citedBy, standard).toContain('ПТ-035');
      expect(citedBy, standard).not.toContain('ПР-904');
    }
  });

  it('the announcement of the hidden 2.0 is not shown either', () => {
    expect(texts[audience]?.get('nd/pt-035/index.html')).not.toMatch(/Вступает в силу|1 марта 2027/);
  });

  it('an author’s link to a restricted document or a hidden edition is not a link: the code, marked', () => {
    const html = texts[audience]!.get('nd/pr-903/index.html') ?? '';
    const body = /Порядок обработки сведений[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
    expect(body).not.toMatch(/href="[^"]*\/nd\/pr-901\//);
    expect(body).not.toContain('/nd/pr-900/0.9/');
    expect(
      body.match(/<span class="restricted-ref"[^>]*>ПР-901<\/span><small class="restricted-note"> \(документ ограниченного доступа\)<\/small>/g),
    ).toHaveLength(3);
    expect(body).toContain('<a href="/nd/pr-900/">публичный порядок</a>');
  });
});

describe('a restricted edition between two public ones', () => {
  it('leaves the public edition’s «Не действует с …» at the next edition the audience may read, and never names it', () => {
    for (const audience of ['public', 'internal']) {
      const page = texts[audience]!.get('nd/pr-903/1.0/index.html') ?? '';
      expect(page, audience).toContain('Не действует с 1 марта 2025 г.');
      expect(page, audience).not.toMatch(/редакци[яи] 1\.5|\/1\.5\/|>1\.5<|1 марта 2024/);
      expect(texts[audience]!.has('nd/pr-903/1.5/index.html')).toBe(false);
    }
  });

  it('the confidential site, which has it, says 1.0 ended when 1.5 began', () => {
    expect(texts.confidential!.get('nd/pr-903/1.0/index.html')).toContain('Не действует с 1 марта 2024 г.');
    expect(texts.confidential!.has('nd/pr-903/1.5/index.html')).toBe(true);
  });
});

describe('audience trade-secret (the control)', () => {
  it('shows every marker, both editions and the authors’ links', async () => {
    expect(build.code, build.stderr).toBe(0);
    const missing = MARKERS.filter((marker) => filesContaining(texts['trade-secret']!, marker.text).length === 0);
    expect(missing).toEqual([]);
    expect(texts['trade-secret']?.has('nd/pt-035/0.9/index.html')).toBe(true);
    expect(texts['trade-secret']?.has('nd/pt-035/2.0/index.html')).toBe(true);
    expect(await readFile(path.join(build.outDir, 'trade-secret', 'references.json'), 'utf8')).toContain('pt-035/2.0');
    expect(texts['trade-secret']?.get('nd/pr-903/index.html')).toContain('<a href="/nd/pr-901/">подробнее</a>');
  });
});
