import { createHash } from 'node:crypto';
import { repositoryFileUrl } from '../lib/repository.ts';
import type { EditionTimeline } from '../model/editions.ts';
import { QMS_STANDARD } from '../model/quality-records.ts';
import type { Principle } from '../schemas/document.ts';
import type { AccessLevel, Role, Synonym, Unit } from '../schemas/registries.ts';
import type { Clause, Standard } from '../schemas/standard.ts';
import type { SiteData, ViewAppendix, ViewEdition, ViewSuspect } from '../publish/view-data.ts';
import type { BodySegment } from '../render/render-body.ts';
import type { Page } from './pages.ts';
import type { Site, SiteDocument } from './site.ts';

/**
 * Route data: everything a page of a document shows, handed to it as props by getStaticPaths. The page
 * and its components read nothing else (test/site/route-data.test.ts), so the digest of this data is the
 * page's cache key (`routeKey`): an incremental build copies a page whose route data did not change.
 */

/**
 * The pages keyed by their route data (Astro's route patterns): their getStaticPaths return `routeKey`
 * of the props as `cacheKey`, and they render with the rest of the view out of reach (route-guard.ts).
 * Every other page reads the whole view and renders in every build.
 */
export const ROUTE_KEYED_PAGES: ReadonlySet<string> = new Set([
  '/nd/[slug]',
  '/nd/[slug]/[version]',
  '/nd/[slug]/[version]/changes',
  '/nd/[slug]/appendices/[n]',
]);

/** The registries and settings a document's pages show, whatever the document. */
export interface PageSite {
  config: SiteData['config'];
  date: string;
  gitHistory: boolean;
  synonyms: Synonym[];
  units: Unit[];
  accessLevels: AccessLevel[];
  roles: Role[];
}

/** What the record components a body places show (QmsMap, QualityStandards, AuditLinks): only for a body that places one. */
export interface BodyData {
  records: Record<string, unknown[]>;
  auditsPublished: boolean;
  principles: Record<string, Principle[]>;
  /** The ISO 9001:2015 catalogue entry, whose clauses the QMS map names. */
  qms: Standard | undefined;
  /** Published documents, which the QMS map links. */
  published: string[];
}

/** A document's pages list its appendices by number and title only: an appendix's text is its own page's. */
export type RouteDocument = Omit<SiteDocument, 'appendices'> & { appendices: Pick<ViewAppendix, 'id' | 'data'>[] };

/** `/nd/<код>/`, `/nd/<код>/<редакция>/` and `/nd/<код>/<редакция>/changes/`. */
export interface DocumentRoute {
  doc: RouteDocument;
  /** The edition the page shows: an entry of `doc.status.timeline`. */
  shown: EditionTimeline<ViewEdition>;
  /** Titles of the other documents the page names: those citing it and its successor. */
  named: Record<string, string>;
  /** Suspect references of the shown edition. */
  suspects: ViewSuspect[];
  site: PageSite;
  body?: BodyData;
}

/** `/nd/<код>/appendices/<n>/`: the appendix and its document's heading. */
export interface AppendixRoute {
  head: {
    code: string;
    typeName: string | undefined;
    /** The edition the document's address shows: its title, state, access and version head the page. */
    shown: { state: EditionTimeline<ViewEdition>['state']; version: string; title: string; access: string };
    owner: string | undefined;
    /** True when the document has no edition in force or to come: the appendix is searchable as archived. */
    archived: boolean;
  };
  appendix: ViewAppendix;
  site: PageSite;
  body?: BodyData;
}

/** The site-wide part of the route data, once per view. */
const pageSites = new WeakMap<Site, { site: PageSite; body: BodyData }>();

function shared(view: Site): { site: PageSite; body: BodyData } {
  let found = pageSites.get(view);
  if (!found) {
    const { config, date, gitHistory, synonyms, units, accessLevels, roles } = view;
    const site: PageSite = { config, date, gitHistory, synonyms, units, accessLevels, roles };
    const { records, auditsPublished, principles } = view;
    const body = { records, auditsPublished, principles, qms: view.lookup.standards.get(QMS_STANDARD), published: view.documents.map((d) => d.code) };
    pageSites.set(view, (found = { site, body }));
  }
  return found;
}

const routeDocuments = new WeakMap<SiteDocument, RouteDocument>();

/** One object per document, shared by its pages: its digest is computed once. */
function routeDocument(doc: SiteDocument): RouteDocument {
  let found = routeDocuments.get(doc);
  if (!found) routeDocuments.set(doc, (found = { ...doc, appendices: doc.appendices.map(({ id, data }) => ({ id, data })) }));
  return found;
}

const placesComponents = (segments: readonly BodySegment[]) => segments.some((s) => 'component' in s);

/** The route data of a document's page that shows the edition `version`. */
export function documentRoute(view: Site, doc: SiteDocument, version: string): DocumentRoute {
  const shown = doc.status.timeline.find((t) => t.edition.data.version === version);
  if (!shown) throw new Error(`${doc.code}: нет опубликованной редакции ${version}`);
  const { site, body } = shared(view);
  const successor = doc.status.cancellation?.replacedBy;
  const named: Record<string, string> = {};
  for (const code of [...doc.citedBy, ...(successor ? [successor] : [])]) {
    const title = view.byCode.get(code)?.shown.edition.data.title;
    if (title !== undefined) named[code] = title;
  }
  return {
    doc: routeDocument(doc),
    shown,
    named,
    suspects: view.suspects.filter((s) => s.citing === doc.code && s.citingVersion === version),
    site,
    ...(placesComponents(shown.edition.segments) ? { body } : {}),
  };
}

/** The route data of an appendix's page. */
export function appendixRoute(view: Site, doc: SiteDocument, appendix: ViewAppendix): AppendixRoute {
  const { site, body } = shared(view);
  const { state, edition } = doc.shown;
  return {
    head: {
      code: doc.code,
      typeName: doc.type?.name,
      shown: { state, version: edition.data.version, title: edition.data.title, access: edition.data.access },
      owner: doc.owner?.name,
      archived: !doc.status.current && !doc.status.upcoming,
    },
    appendix,
    site,
    ...(placesComponents(appendix.segments) ? { body } : {}),
  };
}

/** The route data of a route-keyed page of the inventory; undefined for a page that reads the whole view. */
export function routeOf(site: Site, page: Page<SiteDocument>): DocumentRoute | AppendixRoute | undefined {
  if (page.kind === 'document') return documentRoute(site, page.doc, page.doc.shown.edition.data.version);
  if (page.kind === 'edition' || page.kind === 'changes') return documentRoute(site, page.doc, page.version);
  if (page.kind === 'appendix') return appendixRoute(site, page.doc, page.appendix);
  return undefined;
}

/**
 * What decides whether a page shows something else (the merge-request report compares it): its cache
 * key for a route-keyed page; a page of the whole site lists documents, titles and states, so it is
 * keyed by the whole view it is made from (`viewKey`, the digest of the published view).
 */
export function pageKey(site: Site, page: Page<SiteDocument>, viewKey: string): string {
  const route = routeOf(site, page);
  return route ? routeKey(route) : viewKey;
}

/** What a page and its components may read, with lookups, made from its route data alone. */
export interface PageView extends Omit<PageSite, 'units' | 'accessLevels' | 'roles'>, Partial<Omit<BodyData, 'qms' | 'published'>> {
  lookup: {
    units: Map<string, Unit>;
    accessLevels: Map<string, AccessLevel>;
    roles: Map<string, Role>;
    clauses: Map<string, Map<string, Clause>>;
  };
  published: ReadonlySet<string>;
  sourceUrl(file: string): string;
}

export function pageView(route: { site: PageSite; body?: BodyData }): PageView {
  const { units, accessLevels, roles, ...site } = route.site;
  const { qms, published = [], ...body } = route.body ?? {};
  return {
    ...site,
    ...body,
    lookup: {
      units: new Map(units.map((u) => [u.id, u])),
      accessLevels: new Map(accessLevels.map((a) => [a.id, a])),
      roles: new Map(roles.map((r) => [r.id, r])),
      clauses: new Map(qms ? [[qms.id, new Map(qms.clauses.map((c) => [c.number, c]))]] : []),
    },
    published: new Set(published),
    sourceUrl: (file) => repositoryFileUrl(site.config.repository, file),
  };
}

const digests = new WeakMap<object, string>();

/**
 * The page's cache key: the digest of its route data. A part shared by many pages (the site's registries,
 * a document) is digested once and stands for itself by its digest, so the key is still of all the data.
 */
export function routeKey(route: object): string {
  const hash = createHash('sha1');
  for (const [name, value] of Object.entries(route)) hash.update(`${name}\0${partDigest(value)}\0`);
  return hash.digest('hex').slice(0, 20);
}

function partDigest(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  let found = digests.get(value);
  if (!found) digests.set(value, (found = createHash('sha1').update(JSON.stringify(value, bodiesByDigest)).digest('hex')));
  return found;
}

/**
 * A rendered body (an edition, an appendix: anything with `segments`) is the bulk of a document's data,
 * and one edition object sits in the document's editions and again in its status (timeline, current,
 * shown). Inside a larger part it stands for itself by its own digest, computed once: each text is
 * serialised once per build, not once per place it appears, and the key is still of all the data.
 */
function bodiesByDigest(this: unknown, key: string, value: unknown): unknown {
  if (key === '' || typeof value !== 'object' || value === null || !('segments' in value)) return value;
  return { '#body': partDigest(value) };
}
