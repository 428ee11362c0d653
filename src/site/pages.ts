import { anchors, routes } from '../lib/routes.ts';
import type { Corpus } from '../model/corpus.ts';
import { qualityRecords } from '../model/quality-records.ts';
import type { AuditPlan, AuditProgram, AuditReport } from '../schemas/audit.ts';
import { JSON_SCHEMAS } from '../schemas/index.ts';
import type { QualityStandard } from '../schemas/quality-standard.ts';
import type { Role } from '../schemas/registries.ts';
import type { Standard } from '../schemas/standard.ts';
import type { EditionState } from '../model/editions.ts';
import type { DocumentData, SiteData } from '../publish/view-data.ts';
import { programYear } from './quality.ts';
import type { Site, SiteDocument } from './site.ts';

/**
 * What the inventory reads of a document: its code, the edition its address shows, its editions' versions,
 * states and heading slugs, its appendices' numbers and heading slugs. A published view's document
 * (src/publish/view-data.ts) has these, and so has what the check extracted from the MDX
 * (src/site/audience-pages.ts): the inventory needs no rendering.
 */
export interface InventoryDocument {
  code: string;
  /** The edition the document's address shows (the model's DocumentStatus `shown`). */
  status: { shown?: { edition: InventoryEdition; state: EditionState } };
  editions: readonly InventoryEdition[];
  appendices: readonly { data: { number: number }; headings: readonly { slug: string }[] }[];
}

/** `acknowledge`: the edition asks for acknowledgement, and its pages have the «Лист ознакомления». */
export interface InventoryEdition {
  data: { version: string; acknowledge?: unknown };
  state: EditionState;
  headings: readonly { slug: string }[];
}

/**
 * What the inventory reads of a published view (src/publish/publish.ts) or of a publication decision
 * before anything is rendered (src/site/audience-pages.ts): the site's data and its documents.
 */
export interface PageSource<D extends InventoryDocument = DocumentData> {
  site: Pick<SiteData, 'standards' | 'records' | 'roles' | 'terms' | 'legacy'>;
  documents: readonly D[];
}

interface PageBase {
  /** The page's address, as `routes` writes it. */
  path: string;
  /** Listed in sitemap.xml: a page search engines may index (no noindex, no canonical address elsewhere). */
  indexed: boolean;
  /** Ids on the page that links may name after `#`. */
  anchors: readonly string[];
  /** What the site search holds of the page (src/integration/search-index.ts hands Pagefind these); absent: nothing. */
  search?: PageSearch;
}

/** `page`: the page is found by search; `archived`: only with «включая недействующие редакции» (an edition not in force). */
export type PageSearch = 'page' | 'archived';

/**
 * What search holds of a document's page: its address (a draft's aside), and a pinned edition only when
 * not in force (the one in force is found at the document's address). DocumentView marks the page with it.
 */
export function documentSearch(state: EditionState, pinned: boolean): PageSearch | undefined {
  if (state === 'draft' || (pinned && state === 'current')) return undefined;
  return pinned ? 'archived' : 'page';
}

/** Each page of a published view, with the data its route is made from. */
export type Page<D extends InventoryDocument = DocumentData> = PageBase &
  (
    | { kind: SitePageKind }
    | { kind: 'document'; doc: D }
    | { kind: 'edition'; doc: D; version: string }
    | { kind: 'changes'; doc: D; version: string }
    | { kind: 'appendix'; doc: D; appendix: D['appendices'][number] }
    | { kind: 'standard'; standard: Standard }
    | { kind: 'quality-standard'; standard: QualityStandard }
    | { kind: 'audit-program'; program: AuditProgram; year: string }
    | { kind: 'audit-plan'; plan: AuditPlan }
    | { kind: 'audit-report'; report: AuditReport }
    | { kind: 'schema'; file: string }
    /** A role's card: what it is, where it is defined, which documents its holders acknowledge. */
    | { kind: 'role'; role: Role }
    /** A redirect page (`--html-redirects`, astro dev): `/nd/ПТ-035/` as people type it, an old intranet address. */
    | { kind: 'redirect'; from: string; to: string }
  );

/** Pages made from the whole site's data, one of each. */
export type SitePageKind =
  | 'home'
  | 'registry'
  | 'as-of'
  | 'review'
  | 'glossary'
  | 'standards'
  | 'coverage'
  | 'coverage.csv'
  | 'coverage.json'
  | 'quality-standards'
  | 'audits'
  | 'audit-actions'
  | 'search'
  | 'not-found'
  | 'feed'
  | 'registry.json'
  | 'references.json'
  | 'sitemap';

export type PageKind = Page['kind'];
/** The pages of kind K; a member whose `kind` is a union of kinds (`'edition' | 'changes'`) is narrowed to K. */
export type PageOf<K extends PageKind, D extends InventoryDocument = DocumentData> =
  Page<D> extends infer P ? (P extends { kind: infer PK } ? ([K] extends [PK] ? P & { kind: K } : never) : never) : never;

/** The ISO 9001:2015 catalogue entry whose clauses the coverage matrix has a row for. */
const QMS_STANDARD = 'iso-9001-2015';

/**
 * Every page the site publishes for this view — the one list of them. It drives the pages' routes
 * (getStaticPaths), sitemap.xml, the merge-request report and the test that the built files are
 * exactly these. Adding a page type means adding its address to `routes`, its entry here and the page.
 */
export function pagesOf<D extends InventoryDocument>(view: PageSource<D>, options: PageOptions = {}): Page<D>[] {
  const { site, documents } = view;
  const page = (kind: SitePageKind, path: string, indexed: boolean, pageAnchors: readonly string[] = [], search?: PageSearch): Page<D> => ({
    kind,
    path,
    indexed,
    anchors: pageAnchors,
    ...(search ? { search } : {}),
  });
  // A page of a record (a standard, an audit plan…): indexed and searched, made from the site's data.
  const record = { indexed: true, search: 'page' } as const;
  // Typed and ordered as the pages list them (standards by title, programs by period).
  const byKind = new Map(Object.entries(site.records).map(([kind, list]) => [kind, list.map((data) => ({ data, at: [] }))]));
  const records = qualityRecords({ records: byKind } as unknown as Corpus);
  const qms = site.standards.find((s) => s.id === QMS_STANDARD);
  const pages: Page<D>[] = [
    page('home', routes.home(), true),
    page('registry', routes.registry(), true),
    page('as-of', routes.asOf(), true),
    page('review', routes.review(), true),
    page('glossary', routes.glossary(), true, [...site.roles.map((r) => anchors.role(r.id)), ...site.terms.map((t) => anchors.term(t.id))], 'page'),
    ...site.roles.map((role): Page<D> => ({ kind: 'role', role, path: routes.roleCard(role.id), anchors: [], ...record })),
    page('standards', routes.standards(), true),
    page('coverage', routes.coverage(), true, qms ? qms.clauses.map((c) => anchors.clause(c.number)) : []),
    page('coverage.csv', routes.coverageCsv(), false),
    page('coverage.json', routes.coverageJson(), false),
    ...site.standards.map((standard): Page<D> => ({
      kind: 'standard',
      standard,
      path: routes.standard(standard.id),
      anchors: standard.clauses.map((c) => anchors.clause(c.number)),
      ...record,
    })),
    page('quality-standards', routes.qualityStandards(), true, [], 'page'),
    ...records.standards.map(({ data: standard }): Page<D> => ({
      kind: 'quality-standard',
      standard,
      path: routes.qualityStandard(standard.id),
      anchors: standard.requirements.map((r) => anchors.requirement(r.id)),
      ...record,
    })),
    // The audit section's index and board exist for every audience (empty and saying why for the public one);
    // the records themselves are in the view only for an audience that may read them.
    page('audits', routes.audits(), true, [], 'page'),
    page('audit-actions', routes.auditActions(), true, [], 'page'),
    ...records.programs.map(({ data: program }): Page<D> => {
      const year = programYear(program);
      return { kind: 'audit-program', program, year, path: routes.auditProgram(year), anchors: [], ...record };
    }),
    ...records.plans.map(({ data: plan }): Page<D> => ({ kind: 'audit-plan', plan, path: routes.auditPlan(plan.audit), anchors: [], ...record })),
    ...records.reports.map(({ data: report }): Page<D> => ({ kind: 'audit-report', report, path: routes.auditReport(report.audit), anchors: [], ...record })),
    ...documents.flatMap((doc) => documentPages(doc)),
    page('search', routes.search(), false),
    page('not-found', routes.notFound(), false),
    page('feed', routes.feed(), false),
    page('registry.json', routes.registryJson(), false),
    page('references.json', routes.referencesJson(), false),
    page('sitemap', routes.sitemap(), false),
    ...Object.keys(JSON_SCHEMAS).map((file): Page<D> => ({ kind: 'schema', file, path: routes.schema(file), indexed: false, anchors: [] })),
    ...(options.htmlRedirects ? redirectPages(view) : []),
  ];
  return pages;
}

export interface PageOptions {
  /**
   * Whether the build writes redirect pages (`npm run build -- --html-redirects`, astro dev). Without them
   * the web server redirects with one map (src/serve/nginx-parts.ts), and no page exists for them.
   */
  htmlRedirects?: boolean;
}

/**
 * `/nd/ПТ-035/` (as people type it) → `/nd/pt-035/`, for published documents only; then the old intranet
 * addresses (registries/legacy-urls.json) whose path can be a folder of a static site (no file extension,
 * plain characters, no query) and is not taken — the nginx map covers every path and query.
 */
function redirectPages<D extends InventoryDocument>({ site, documents }: PageSource<D>): Page<D>[] {
  const redirects = new Map(documents.map((doc) => [routes.codeRedirect(doc.code), routes.document(doc.code)]));
  for (const entry of site.legacy) {
    const doc = documents.find((d) => d.code === entry.code);
    const path = entry.path.replace(/\/$/, '');
    if (!doc || entry.query || !/^(\/[A-Za-z0-9_-]+)+$/.test(path) || redirects.has(path)) continue;
    const target = legacyTarget(entry, doc);
    if (target.replace(/\/$/, '') !== path) redirects.set(path, target);
  }
  return [...redirects].map(([from, to]): Page<D> => ({ kind: 'redirect', from, to, path: `${from}/`, indexed: false, anchors: [] }));
}

/**
 * Where an old intranet address leads (registries/legacy-urls.json): the edition it names while that
 * edition is published, else the document's address. The HTML redirect pages and the nginx map
 * (src/serve/nginx-parts.ts) both ask this.
 */
export function legacyTarget(entry: { version?: string }, doc: { code: string; editions: readonly { data: { version: string } }[] }): string {
  const edition = Boolean(entry.version) && doc.editions.some((e) => e.data.version === entry.version);
  return edition ? routes.edition(doc.code, entry.version!) : routes.document(doc.code);
}

/**
 * A document's pages: its address (indexed while it shows the edition in force), each published
 * edition pinned (noindex: the one in force names the document's address as canonical), what changed
 * from the previous published edition, and its appendices.
 */
function documentPages<D extends InventoryDocument>(doc: D): Page<D>[] {
  const layout = [...anchors.document, ...(doc.appendices.length ? [anchors.appendices] : [])];
  const headings = (body: { headings: readonly { slug: string }[] }) => body.headings.map((h) => h.slug);
  const onEditionPage = (edition: InventoryEdition) => [...layout, ...(edition.data.acknowledge ? [anchors.acknowledge] : []), ...headings(edition)];
  const shown = doc.status.shown;
  return [
    {
      kind: 'document',
      doc,
      path: routes.document(doc.code),
      indexed: shown?.state === 'current',
      anchors: shown ? onEditionPage(shown.edition) : layout,
      ...searched(shown && documentSearch(shown.state, false)),
    },
    ...doc.editions.flatMap((edition, index): Page<D>[] => {
      const version = edition.data.version;
      const pinned: Page<D> = {
        kind: 'edition',
        doc,
        version,
        path: routes.edition(doc.code, version),
        indexed: false,
        anchors: onEditionPage(edition),
        ...searched(documentSearch(edition.state, true)),
      };
      if (index === 0) return [pinned];
      return [pinned, { kind: 'changes', doc, version, path: routes.diff(doc.code, version), indexed: false, anchors: [] }];
    }),
    ...doc.appendices.map((appendix): Page<D> => ({
      kind: 'appendix',
      doc,
      appendix,
      path: routes.appendix(doc.code, appendix.data.number),
      indexed: true,
      anchors: headings(appendix),
      search: 'page',
    })),
  ];
}

const searched = (search: PageSearch | undefined) => (search ? { search } : {});

/** The pages of one kind, typed: `pagesOfKind(pages, 'appendix')` → the appendix pages with their data. */
export function pagesOfKind<K extends PageKind, D extends InventoryDocument>(pages: readonly Page<D>[], kind: K): PageOf<K, D>[] {
  return pages.filter((p): p is PageOf<K, D> => p.kind === kind);
}

const ofSite = new WeakMap<Site, Page<SiteDocument>[]>();

/** The inventory of the view the pages are built from (src/site/view.ts), made once per view (its redirects aside). */
export function sitePages(site: Site): Page<SiteDocument>[] {
  let pages = ofSite.get(site);
  if (!pages) ofSite.set(site, (pages = pagesOf({ site, documents: site.documents })));
  return pages;
}
