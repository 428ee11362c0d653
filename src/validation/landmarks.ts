import type { Corpus, DocumentEntry } from '../model/corpus.ts';
import type { Lookup } from '../model/lookup.ts';
import { qualityRecords } from '../model/quality-records.ts';
import { routes } from '../lib/routes.ts';
import { JSON_SCHEMAS } from '../schemas/index.ts';
import type { Extracted } from '../model/parsed.ts';

/** Anchors the document layout itself renders on every document, edition and appendix page. */
const LAYOUT_ANCHORS = ['passport', 'scope', 'appendices', 'history', 'file-history', 'cited-by', 'references', 'content'];

/**
 * Every page the site publishes for this corpus and the anchors on each, built only with the
 * `routes` functions: the one place the URL scheme is written. A link is checked by membership,
 * never by re-reading the scheme (after remark-validate-links' landmarks).
 */
export interface Landmarks {
  /** Site path → the anchors on that page. */
  pages: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * A folder of pages of one kind (`/audits/plans/`) → what is missing when a path in it is not a
   * page, from the last segment: «плана по аудиту «2026-09» нет».
   */
  sections: ReadonlyMap<string, (segment: string) => string>;
}

interface DocumentPage {
  path: string;
  anchors: Set<string>;
  /** What a wrong last segment of a path beside this page lacks (none for «что изменилось» pages). */
  missing?: (segment: string) => string;
}

/**
 * A document's pages and their anchors, remembered by its newest edition's entry while its entries stay
 * the same objects: the language server builds the landmarks after every edit, and an unchanged file
 * keeps its entry. The sets are read, never changed, once made.
 */
const pagesOf = new WeakMap<object, { entries: unknown[]; code: string; pages: DocumentPage[] }>();

function documentPages(doc: DocumentEntry, extracted: ReadonlyMap<string, Extracted>): DocumentPage[] {
  const entries = [...doc.editions, ...doc.appendices];
  const key = doc.editions.at(-1) ?? doc.appendices[0];
  const cached = key ? pagesOf.get(key) : undefined;
  if (cached && cached.code === doc.code && cached.entries.length === entries.length && cached.entries.every((e, i) => e === entries[i])) return cached.pages;
  const out: DocumentPage[] = [];
  const add = (url: string, anchors: Iterable<string>, missing?: (segment: string) => string) => {
    const [path = '', anchor] = url.split('#', 2);
    const known = out.find((p) => p.path === path);
    const page: DocumentPage = known ?? { path, anchors: new Set<string>() };
    if (!known) out.push(page);
    if (anchor) page.anchors.add(anchor);
    for (const a of anchors) page.anchors.add(a);
    if (missing) page.missing = missing;
  };
  const headings = (id: string) => [...LAYOUT_ANCHORS, ...(extracted.get(id)?.headings.map((h) => h.slug) ?? [])];
  const latest = doc.editions.at(-1);
  if (latest) add(routes.document(doc.code), headings(latest.id), (slug) => `документа с адресом ${routes.registry()}${slug}/ нет`);
  doc.editions.forEach((edition, index) => {
    add(routes.edition(doc.code, edition.data.version), headings(edition.id), (version) => `у документа ${doc.code} нет редакции ${version}`);
    if (index > 0) add(routes.diff(doc.code, edition.data.version), []);
  });
  for (const appendix of doc.appendices)
    add(routes.appendix(doc.code, appendix.data.number), headings(appendix.id), (n) => `у документа ${doc.code} нет приложения ${n}`);
  if (key) pagesOf.set(key, { entries, code: doc.code, pages: out });
  return out;
}

/** `/audits/plans/2026-01/` → [`/audits/plans/`, `2026-01`]. */
export function splitPath(path: string): [parent: string, segment: string] {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const cut = trimmed.lastIndexOf('/');
  return [trimmed.slice(0, cut + 1), trimmed.slice(cut + 1)];
}

export function buildLandmarks(corpus: Corpus, lookup: Lookup, extracted: ReadonlyMap<string, Extracted>): Landmarks {
  const pages = new Map<string, Set<string>>();
  const sections = new Map<string, (segment: string) => string>();
  const add = (url: string, anchors: Iterable<string> = [], missing?: (segment: string) => string) => {
    const [path = '', anchor] = url.split('#', 2);
    let page = pages.get(path);
    if (!page) pages.set(path, (page = new Set()));
    if (anchor) page.add(anchor);
    for (const a of anchors) page.add(a);
    if (missing) sections.set(splitPath(path)[0], missing);
  };
  for (const url of [
    routes.home(),
    routes.registry(),
    routes.glossary(),
    routes.standards(),
    routes.asOf(),
    routes.review(),
    routes.coverage(),
    routes.coverageCsv(),
    routes.coverageJson(),
    routes.search(),
    routes.qualityStandards(),
    routes.audits(),
    routes.auditActions(),
  ])
    add(url);
  // From the lookup: when a rule runs on part of the corpus, the pages are still all the site's.
  for (const doc of lookup.corpusDocuments) {
    for (const page of documentPages(doc, extracted)) {
      const known = pages.get(page.path);
      // Pages of one document are shared between builds (see documentPages); two documents with one code merge into a copy.
      pages.set(page.path, known ? new Set([...known, ...page.anchors]) : page.anchors);
      if (page.missing) sections.set(splitPath(page.path)[0], page.missing);
    }
  }
  for (const id of lookup.roles.keys()) add(routes.role(id));
  for (const id of lookup.terms.keys()) add(routes.term(id));
  for (const [id, clauses] of lookup.clauses) {
    add(routes.standard(id), [], (other) => `стандарта «${other}» нет в каталоге`);
    for (const clause of clauses.keys()) add(routes.clause(id, clause));
    if (id === 'iso-9001-2015') for (const clause of clauses.keys()) add(routes.coverageRow(clause));
  }
  const records = qualityRecords(corpus);
  for (const standard of records.standards) {
    add(routes.qualityStandard(standard.data.id), [], (other) => `стандарта качества «${other}» нет в quality-standards/`);
    for (const requirement of standard.data.requirements) add(routes.requirement(standard.data.id, requirement.id));
  }
  for (const program of records.programs) add(routes.auditProgram(program.data.period.from.slice(0, 4)), [], (year) => `программы аудитов на ${year} год нет`);
  for (const audit of records.planOf.keys()) add(routes.auditPlan(audit), [], (other) => `плана по аудиту «${other}» нет`);
  for (const audit of records.reportOf.keys()) add(routes.auditReport(audit), [], (other) => `отчёта по аудиту «${other}» нет`);
  const schemas = Object.keys(JSON_SCHEMAS);
  for (const file of schemas) add(routes.schema(file), [], (other) => `схемы «${other}» нет; опубликованы: ${schemas.join(', ')}`);
  return { pages, sections };
}
