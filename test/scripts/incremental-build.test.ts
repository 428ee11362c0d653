import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { buildSite } from '../helpers/build-site.ts';

/**
 * Rebuilds do only what changed. A generated corpus is built once; then the text of one edition is
 * edited and the site rebuilt with the same cache folder. The build's page log (which pages Astro
 * rendered, which it copied from its incremental cache) must name that document's pages and the pages
 * that always render (registry, feed, search…), and no page of any other document.
 */
const DATE = '2026-11-26';
const work = mkdtempSync(path.join(tmpdir(), 'nd-incremental-'));
const root = path.join(work, 'content');
const env = { ND_CACHE_DIR: path.join(work, 'cache') };
const out = path.join(work, 'dist');

const pageLog = () => {
  const lines = readFileSync(path.join(work, 'cache/nd/pages.log'), 'utf8').split('\n').filter(Boolean);
  return { rendered: lines.filter((l) => l.startsWith('R ')).map((l) => l.slice(2)), reused: lines.filter((l) => l.startsWith('C ')).map((l) => l.slice(2)) };
};
/** The document folder a page belongs to (`/nd/<folder>/…`), or undefined for any other page. */
const documentOf = (page: string) => {
  const folder = /^\/nd\/([^/]+)\//.exec(page)?.[1];
  return folder && readdirSync(path.join(root, 'documents')).includes(folder) ? folder : undefined;
};

let first: ReturnType<typeof pageLog>;
let second: ReturnType<typeof pageLog>;
let edited: string;

beforeAll(async () => {
  generateCorpus({ docs: 12, seed: 3, out: root });
  const built = await buildSite({ root, date: DATE, outDir: out, env });
  expect(built.code, built.stderr).toBe(0);
  first = pageLog();
  // Edit the body of one edition: a sentence added to its last paragraph.
  const folders = readdirSync(path.join(root, 'documents')).sort();
  edited = folders[Math.floor(folders.length / 2)]!;
  const editions = path.join(root, 'documents', edited, 'editions');
  const file = path.join(editions, readdirSync(editions).sort().at(-1)!);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nДобавленное предложение для проверки пересборки.\n`);
  const rebuilt = await buildSite({ root, date: DATE, outDir: out, env });
  expect(rebuilt.code, rebuilt.stderr).toBe(0);
  expect(rebuilt.stdout).toMatch(/из кэша прошлой сборки [1-9]/);
  second = pageLog();
});

describe('rebuild after editing one edition', () => {
  it('the first build rendered every page', () => {
    expect(first.reused).toEqual([]);
    expect(first.rendered.length).toBeGreaterThan(30);
  });

  it('took up the pages the search holds before the others (search-first.ts), so the index is written while the rest render', () => {
    // In start order; a page the search holds is marked for Pagefind (data-pagefind-body, or an archived edition's marker).
    const searched = first.rendered.map(
      (page) => page.endsWith('.html') && /data-pagefind-body|data-nd-archived/.test(readFileSync(path.join(out, page), 'utf8')),
    );
    const held = searched.filter(Boolean).length;
    expect(held).toBeGreaterThan(12);
    expect(held).toBeLessThan(searched.length);
    expect(searched.indexOf(false)).toBe(held);
  });

  it('re-renders the edited document’s pages and no page of another document', () => {
    const documentsRendered = new Set(second.rendered.map(documentOf).filter(Boolean));
    expect([...documentsRendered]).toEqual([edited]);
    const otherDocuments = new Set(first.rendered.map(documentOf).filter((d) => d && d !== edited));
    expect(otherDocuments.size).toBeGreaterThan(5);
    for (const doc of otherDocuments) expect(second.reused.some((page) => documentOf(page) === doc)).toBe(true);
  });

  it('still renders the pages that list every document', () => {
    expect(second.rendered).toEqual(expect.arrayContaining(['/nd/index.html', '/index.html', '/registry.json', '/feed.xml']));
  });

  it('the rebuilt site shows the edit', () => {
    const html = readFileSync(path.join(out, 'nd', edited, 'index.html'), 'utf8');
    expect(html).toContain('Добавленное предложение для проверки пересборки.');
  });
});
