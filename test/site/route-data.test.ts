import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import { publish } from '../../src/publish/publish.ts';
import { RenderCache } from '../../src/render/render-cache.ts';
import { sitePages } from '../../src/site/pages.ts';
import { appendixRoute, documentRoute, pageKey, ROUTE_KEYED_PAGES, routeKey, routeOf } from '../../src/site/route-data.ts';
import { assertViewInReach, renderingFromRouteData } from '../../src/site/route-guard.ts';
import { siteView, type Site } from '../../src/site/site.ts';
import type { DocumentData, SiteData } from '../../src/publish/view-data.ts';
import { check } from '../../src/validation/check.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

/**
 * Route data is the cache key (src/site/route-data.ts). A document's pages get their route data as props;
 * the key is the digest of that data alone, and it changes exactly when what the page shows changes. While
 * such a page renders, the rest of the view is out of reach (src/site/route-guard.ts): a component that
 * calls getView() stops the build, so every build in the suite proves the pages read their props only.
 * The real content with the editions fixture: ПР-902 is cancelled and replaced by ПР-901, which cites it.
 */
const DATE = '2026-11-26';
let view: { site: SiteData; documents: DocumentData[] };

beforeAll(async () => {
  const root = await contentRoot();
  await cp(path.join(projectRoot, 'test/editions/fixtures/site'), root, { recursive: true });
  const config = loadConfig(projectRoot, {}, { contentRoot: root, buildDate: DATE });
  const { site, documents } = publish(await check({ root, buildDate: DATE, sites: internalSites(DATE) }), config, new RenderCache());
  view = { site, documents };
});

/** The view with `edit` applied to a copy of its data (shared references kept, as the snapshot keeps them). */
const siteWith = (edit: (documents: DocumentData[]) => void = () => {}): Site => {
  const { site, documents } = structuredClone(view);
  edit(documents);
  return siteView(site, documents);
};

/** Every route-keyed page of a view, by address, with its route data. */
function routes(site: Site): Map<string, object> {
  return new Map(
    sitePages(site).flatMap((page) => {
      const route = routeOf(site, page);
      return route ? [[page.path, route] as const] : [];
    }),
  );
}
/** The keys the merge-request report compares: route keys of the document pages. */
const keys = (site: Site) =>
  new Map(
    [...routes(site).keys()].map((address) => [
      address,
      pageKey(
        site,
        sitePages(site).find((p) => p.path === address)!,
        'вид',
      ),
    ]),
  );
/** Addresses whose key differs between two views. */
const changed = (a: Map<string, string>, b: Map<string, string>) => [...a].filter(([address, key]) => b.get(address) !== key).map(([address]) => address);

describe('route data', () => {
  it('is plain data, and its key is of the data, not of the objects that hold it', () => {
    const all = routes(siteWith());
    expect(all.size).toBeGreaterThan(8);
    for (const route of all.values()) {
      expect(JSON.parse(JSON.stringify(route))).toEqual(route);
      expect(routeKey(structuredClone(route))).toBe(routeKey(route));
    }
  });

  it('names the documents a page shows by title: the successor of a cancelled document, those citing it', () => {
    const site = siteWith();
    const pr902 = site.byCode.get('ПР-902')!;
    const route = documentRoute(site, pr902, '1.0');
    expect(route.named).toEqual({ 'ПР-901': site.byCode.get('ПР-901')!.shown.edition.data.title });
    expect(route.suspects.every((s) => s.citing === 'ПР-902' && s.citingVersion === '1.0')).toBe(true);
  });

  it('holds the records of record components only for a page whose body places one', () => {
    const site = siteWith();
    const pt035 = site.byCode.get('ПТ-035')!;
    const withComponent = pt035.appendices.find((a) => a.segments.some((s) => 'component' in s))!;
    expect(appendixRoute(site, pt035, withComponent).body?.records).toBe(site.records);
    expect(documentRoute(site, site.byCode.get('ПР-901')!, '3.0').body).toBeUndefined();
  });

  it('changes the key of exactly the pages that show a changed title: the document’s own and those naming it', () => {
    const before = keys(siteWith());
    const after = keys(
      siteWith((documents) => {
        const pr901 = documents.find((d) => d.code === 'ПР-901')!;
        pr901.status.shown!.edition.data.title = 'Новое название';
      }),
    );
    const pages = changed(before, after);
    expect(pages.filter((p) => p.startsWith('/nd/pr-901/'))).toEqual([...before.keys()].filter((p) => p.startsWith('/nd/pr-901/')));
    // ПР-902 names its successor ПР-901 by title on each of its pages.
    expect(pages.filter((p) => p.startsWith('/nd/pr-902/'))).toEqual([...before.keys()].filter((p) => p.startsWith('/nd/pr-902/')));
    expect(pages.filter((p) => !p.startsWith('/nd/pr-901/') && !p.startsWith('/nd/pr-902/'))).toEqual([]);
  });

  it('changes an appendix page’s key with its text, and not the document’s pages, which list it by title', () => {
    const before = keys(siteWith());
    const after = keys(
      siteWith((documents) => {
        const appendix = documents.find((d) => d.code === 'ПТ-035')!.appendices[0]!;
        appendix.segments = [...appendix.segments, { html: '<p>Добавлено</p>' }];
      }),
    );
    expect(changed(before, after)).toEqual(['/nd/pt-035/appendices/1/']);
  });

  it('changes the keys of a document’s pages with the text of its edition, which they hold in more than one place', () => {
    const before = keys(siteWith());
    const after = keys(
      siteWith((documents) => {
        // The edition object is one: in the document's editions and in its status (timeline, current, shown).
        const edition = documents.find((d) => d.code === 'ПР-901')!.status.shown!.edition;
        edition.segments = [...edition.segments, { html: '<p>Добавлено</p>' }];
      }),
    );
    const own = [...before.keys()].filter((p) => p.startsWith('/nd/pr-901/') && !p.includes('/appendices/'));
    expect(own.length).toBeGreaterThan(1);
    expect(changed(before, after).filter((p) => p.startsWith('/nd/pr-901/'))).toEqual(own);
  });
});

describe('the route guard', () => {
  it('keeps the view out of reach while a route-keyed page renders, across awaits', async () => {
    expect(() => assertViewInReach()).not.toThrow();
    const render = renderingFromRouteData('/nd/pt-035/', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      assertViewInReach();
    });
    await expect(render).rejects.toThrow(/^\/nd\/pt-035\/: страница или её компонент читает опубликованное представление \(getView\)/);
    expect(() => assertViewInReach()).not.toThrow();
  });

  it('guards exactly the pages whose getStaticPaths return a cache key', async () => {
    const pagesDir = path.join(projectRoot, 'src/pages');
    const files = (await readdir(pagesDir, { recursive: true })).filter((f) => f.endsWith('.astro') || f.endsWith('.ts'));
    const keyed = [];
    for (const file of files) {
      if (!(await readFile(path.join(pagesDir, file), 'utf8')).includes('cacheKey:')) continue;
      keyed.push(`/${file.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '')}`);
    }
    expect(keyed.sort()).toEqual([...ROUTE_KEYED_PAGES].sort());
  });

  it('no component a route-keyed page renders calls getView(); the page itself only in getStaticPaths', async () => {
    const pagesDir = path.join(projectRoot, 'src/pages');
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = async (file: string, page: boolean) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, 'utf8');
      const outside = page ? source.replace(/export async function getStaticPaths\(\) \{[\s\S]*?\n\}\n/, '') : source;
      if (/\bgetView\(/.test(outside)) offenders.push(path.relative(projectRoot, file));
      for (const [, spec] of source.matchAll(/^import [^'"]*['"](\.[^'"]+\.(?:astro|ts))['"]/gm)) {
        const target = path.resolve(path.dirname(file), spec!);
        if (!target.endsWith(path.join('site', 'view.ts'))) await visit(target, false);
      }
    };
    for (const pattern of ROUTE_KEYED_PAGES) {
      const base = path.join(pagesDir, pattern);
      const file = (await readdir(path.dirname(base))).includes(`${path.basename(base)}.astro`) ? `${base}.astro` : path.join(base, 'index.astro');
      await visit(file, true);
    }
    expect(seen.size).toBeGreaterThan(15);
    expect(offenders).toEqual([]);
  });
});
