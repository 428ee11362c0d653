/**
 * The page inventory (src/site/pages.ts) against a build of the real content: the built files are
 * exactly the inventory's pages, each anchor it lists is an id on its page, and sitemap.xml lists the
 * pages it marks indexed. A page type added without its inventory entry (or the reverse) fails here.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import { prepareSite } from '../../src/publish/prepare.ts';
import { audienceSites } from '../../src/site/audience-pages.ts';
import { pagesOf, type Page } from '../../src/site/pages.ts';
import { anchors } from '../../src/lib/routes.ts';
import { searchList } from '../../src/integration/search-index.ts';
import { fromHtml } from 'hast-util-from-html';
import type { ElementContent, Root } from 'hast';
import type { BuildResult } from '../helpers/build-site.ts';
import { projectRoot } from '../helpers/content-root.ts';
import { sharedBuild } from '../helpers/shared-build.ts';

const DATE = '2026-11-26';
let build: BuildResult;
let pages: Page[];

/** The file a page's address is written to: `/nd/pt-035/` → `nd/pt-035/index.html`. */
const fileOf = (address: string) => (address.endsWith('/') ? `${address.slice(1)}index.html` : address.slice(1));

beforeAll(async () => {
  // As test/site/build.test.ts builds it: with the redirect pages of plain static hosting.
  build = await sharedBuild('real', { date: DATE, args: ['--html-redirects'] });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  const config = loadConfig(projectRoot, {}, { buildDate: DATE });
  const prepared = await prepareSite(config, { gitHistory: false, sites: audienceSites(config) });
  if (!prepared.view) throw new Error('no published view');
  pages = pagesOf(prepared.view, { htmlRedirects: true });
});

describe('pagesOf', () => {
  it('lists exactly the files the build writes (Astro and Pagefind assets and public/ aside)', async () => {
    const files = async (dir: string) =>
      existsSync(dir)
        ? (await readdir(dir, { recursive: true, withFileTypes: true }))
            .filter((e) => e.isFile())
            .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        : [];
    // Files of public/ are copied as they are (scripts, not pages).
    const assets = new Set(await files(path.join(projectRoot, 'public')));
    const built = (await files(build.outDir)).filter((file) => !file.startsWith('_astro/') && !file.startsWith('pagefind/') && !assets.has(file)).sort();
    expect(pages.map((p) => fileOf(p.path)).sort()).toEqual(built);
    // Not vacuous: every kind of page of the real content is there (a new kind needs no edit here: the
    // comparison with the built files above is what catches a page type missing from the inventory).
    expect([...new Set(pages.map((p) => p.kind))]).toEqual(
      expect.arrayContaining([
        'home',
        'registry',
        'as-of',
        'review',
        'glossary',
        'standards',
        'standard',
        'coverage',
        'coverage.csv',
        'coverage.json',
        'quality-standards',
        'quality-standard',
        'audits',
        'audit-actions',
        'audit-program',
        'audit-plan',
        'audit-report',
        'document',
        'edition',
        'appendix',
        'redirect',
        'search',
        'not-found',
        'feed',
        'registry.json',
        'references.json',
        'sitemap',
        'schema',
      ]),
    );
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
  });

  it('names only anchors that are ids on their page', async () => {
    const missing: string[] = [];
    for (const page of pages.filter((p) => p.anchors.length)) {
      const html = await readFile(path.join(build.outDir, fileOf(page.path)), 'utf8');
      const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
      for (const anchor of page.anchors) if (!ids.has(anchor)) missing.push(`${page.path}#${anchor}`);
    }
    expect(missing).toEqual([]);
    expect(pages.find((p) => p.path === '/glossary/')?.anchors).toContain('role-auditor');
    expect(pages.find((p) => p.path === '/nd/pt-035/')?.anchors).toEqual(expect.arrayContaining(['passport', 'appendices', 'content']));
  });

  it('the ids the document layout renders are exactly the layout anchors of routes (and the body’s are its headings)', async () => {
    const layoutIds = (html: string) => {
      const ids: string[] = [];
      const walk = (node: ElementContent | Root, inLayout: boolean, inBody: boolean) => {
        if (node.type !== 'element' && node.type !== 'root') return;
        const id = node.type === 'element' ? node.properties.id : undefined;
        const classes = node.type === 'element' ? String(node.properties.className ?? '') : '';
        if (inLayout && !inBody && typeof id === 'string') ids.push(id);
        const layout = inLayout || classes.split(/[ ,]/).includes('doc-print-body');
        for (const child of node.children) walk(child as ElementContent, layout, inBody || (inLayout && id === anchors.layout.content));
      };
      walk(fromHtml(html), false, false);
      return ids.sort();
    };
    const documentPages = pages.filter((p): p is Extract<Page, { kind: 'document' | 'edition' }> => p.kind === 'document' || p.kind === 'edition');
    expect(documentPages.length).toBeGreaterThan(1);
    for (const page of documentPages) {
      const version = page.kind === 'edition' ? page.version : page.doc.status.shown?.edition.data.version;
      const headings = new Set(page.doc.editions.find((e) => e.data.version === version)?.headings.map((h) => h.slug));
      const html = await readFile(path.join(build.outDir, fileOf(page.path)), 'utf8');
      expect(layoutIds(html), page.path).toEqual(page.anchors.filter((a) => !headings.has(a)).sort());
    }
    // ПТ-035 asks for acknowledgement and has appendices: every conditional section is there too.
    const current = documentPages.find((p) => p.path === '/nd/pt-035/')!;
    expect(current.anchors).toEqual(expect.arrayContaining([...anchors.document, anchors.appendices, anchors.acknowledge]));
  });

  it('marks indexed exactly the pages sitemap.xml lists', async () => {
    const sitemap = await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>[^<]*?:\/\/[^/]+([^<]*)<\/loc>/g)].map((m) => decodeURI(m[1] ?? ''));
    expect(listed).toEqual(pages.filter((p) => p.indexed).map((p) => p.path));
    expect(existsSync(path.join(build.outDir, fileOf('/nd/pt-035/')))).toBe(true);
  });

  it('the search index holds exactly the pages the inventory lists for search, which are the pages marked for it', async () => {
    const list = searchList(pages);
    const entry = JSON.parse(await readFile(path.join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(list.entries.length);
    // The pages' own markup agrees: Pagefind reads the marked part of exactly these.
    const marked: Array<{ path: string; archived: boolean }> = [];
    for (const page of pages.filter((p) => p.path.endsWith('/') || p.path.endsWith('.html'))) {
      const html = await readFile(path.join(build.outDir, fileOf(page.path)), 'utf8');
      if (/<article\b[^>]*\sdata-pagefind-body/.test(html)) marked.push({ path: page.path, archived: false });
      else if (/<article\b[^>]*\sdata-nd-archived/.test(html)) marked.push({ path: page.path, archived: true });
    }
    expect(marked.map((m) => m.path).sort()).toEqual(list.entries.map((e) => e.path).sort());
    expect(list.entries.map((e) => e.path)).toEqual(expect.arrayContaining(['/nd/pt-035/', '/glossary/', '/nd/pt-035/appendices/1/']));
  });
});
