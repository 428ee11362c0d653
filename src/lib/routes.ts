import { codeSlug } from './codes.ts';

/** Sections the document layout (DocumentView.astro) renders on every document and edition page, by what they hold. */
const LAYOUT = {
  passport: 'passport',
  scope: 'scope',
  content: 'content',
  history: 'history',
  fileHistory: 'file-history',
  citedBy: 'cited-by',
} as const;

/**
 * Ids that pages give their elements for other pages to link to (`/glossary/#role-auditor`): written
 * here only; the pages set them with these, the addresses below and the page inventory use them.
 */
export const anchors = {
  role: (id: string) => `role-${id}`,
  term: (id: string) => `term-${id}`,
  clause: (clause: string) => `clause-${clause}`,
  requirement: (id: string) => `req-${id}`,
  layout: LAYOUT,
  /** The layout's sections as a list: the ids every document and edition page has (test/site/pages.test.ts checks them against the built page). */
  document: Object.values(LAYOUT),
  /** …on those of a document with appendices. */
  appendices: 'appendices',
  /** …on those of an edition that asks for acknowledgement («Лист ознакомления»). */
  acknowledge: 'acknowledge',
} as const;

/**
 * Every address the site publishes, in one place: pages link with these, the checker resolves with them,
 * and src/site/pages.ts lists the pages of a published view with them.
 */
export const routes = {
  home: () => '/',
  registry: () => '/nd/',
  document: (code: string) => `/nd/${codeSlug(code)}/`,
  edition: (code: string, version: string) => `/nd/${codeSlug(code)}/${version}/`,
  diff: (code: string, version: string) => `/nd/${codeSlug(code)}/${version}/changes/`,
  /** The «Лист ознакомления» of an edition, on its pinned page. */
  acknowledgement: (code: string, version: string) => `/nd/${codeSlug(code)}/${version}/#${anchors.acknowledge}`,
  appendix: (code: string, number: number) => `/nd/${codeSlug(code)}/appendices/${number}/`,
  glossary: () => '/glossary/',
  role: (id: string) => `/glossary/#${anchors.role(id)}`,
  /** A role's own page, in the glossary's section: its definition and the documents its holders acknowledge. */
  roleCard: (id: string) => `/glossary/roles/${id}/`,
  term: (id: string) => `/glossary/#${anchors.term(id)}`,
  standards: () => '/standards/',
  standard: (id: string) => `/standards/${id}/`,
  clause: (id: string, clause: string) => `/standards/${id}/#${anchors.clause(clause)}`,
  /** Clause-to-evidence matrix of ISO 9001:2015, with its CSV and JSON downloads. */
  coverage: () => '/coverage/',
  coverageRow: (clause: string) => `/coverage/#${anchors.clause(clause)}`,
  coverageCsv: () => '/coverage.csv',
  coverageJson: () => '/coverage.json',
  asOf: () => '/nd/as-of/',
  /** «Требуют пересмотра»: suspect references and documents due or overdue for periodic review. */
  review: () => '/nd/review/',
  search: () => '/search/',
  qualityStandards: () => '/quality-standards/',
  qualityStandard: (id: string) => `/quality-standards/${id}/`,
  requirement: (standard: string, id: string) => `/quality-standards/${standard}/#${anchors.requirement(id)}`,
  audits: () => '/audits/',
  auditProgram: (year: string) => `/audits/${year}/`,
  auditPlan: (audit: string) => `/audits/plans/${audit}/`,
  auditReport: (audit: string) => `/audits/reports/${audit}/`,
  auditActions: () => '/audits/actions/',
  schema: (file: string) => `/schemas/${file}`,
  /** Atom feed of editions published, taking effect and cancelled. */
  feed: () => '/feed.xml',
  registryJson: () => '/registry.json',
  referencesJson: () => '/references.json',
  sitemap: () => '/sitemap.xml',
  notFound: () => '/404.html',
  /** `/nd/ПТ-035/` as people type it: a redirect to the document's address. */
  codeRedirect: (code: string) => `/nd/${code}`,
} as const;

/** `/audits/plans/2026-01/` → [`/audits/plans/`, `2026-01`]: the folder of a page and its last segment. */
export function splitPath(path: string): [parent: string, segment: string] {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const cut = trimmed.lastIndexOf('/');
  return [trimmed.slice(0, cut + 1), trimmed.slice(cut + 1)];
}

/** Anchor id of a clause on its standard's page. */
export const clauseAnchor = anchors.clause;

/** Deepest nesting a table row is indented for (clauses 10.2.1.1, schema fields `a.b.c.d`); deeper rows stay at it. */
export const MAX_INDENT = 6;
/**
 * The class of a nested row's first cell (`indent-2`): a class, not a `style` attribute, so that the
 * Content-Security-Policy needs no 'unsafe-inline' for styles. The steps are in src/styles/global.css.
 */
export const indentClass = (depth: number) => `indent-${Math.max(0, Math.min(MAX_INDENT, Math.round(depth)))}`;
