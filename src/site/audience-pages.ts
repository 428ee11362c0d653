import { builtAudiences, type SiteConfig } from '../lib/config.ts';
import { codeSlug } from '../lib/codes.ts';
import { routes, splitPath } from '../lib/routes.ts';
import type { DocumentEntry } from '../model/corpus.ts';
import { documentStatus } from '../model/editions.ts';
import { decideAccess, entryFile, type Access } from '../publish/access.ts';
import { audienceRecords } from '../publish/decide.ts';
import { JSON_SCHEMAS } from '../schemas/index.ts';
import type { AudienceSite, CheckModel, SitesOf } from '../validation/rule.ts';
import { pagesOf, type InventoryDocument, type Page, type PageSource } from './pages.ts';

/** A document as the check's inventory reads it: from the checked corpus, with the ids of its published entries. */
interface CheckedDocument extends InventoryDocument {
  entries: readonly string[];
}

/**
 * The sites a check meets links against (`ref/broken-link`): one per audience the build publishes
 * (nd.config.json `audiences`, else `audience`) and one of the widest access level, not built, for the
 * texts no built site publishes. Each is the page inventory (src/site/pages.ts) of that audience's
 * publication decision (src/publish/access.ts), made from the checked corpus without rendering.
 */
export function audienceSites(config: Pick<SiteConfig, 'audience' | 'audiences' | 'buildDate'>): SitesOf {
  const built = builtAudiences(config);
  return (model) => {
    const widest = [...model.lookup.accessLevels.values()].sort((a, b) => b.rank - a.rank)[0];
    const levels = built.map((id) => ({ id, built: true }));
    if (widest && !built.includes(widest.id)) levels.push({ id: widest.id, built: false });
    return levels.flatMap(({ id, built: isBuilt }) => {
      const publication = decideAccess(model, id, config.buildDate);
      // An audience the registry lacks builds nothing: the build stops with its own error.
      return publication.problem ? [] : [audienceSite(model, publication, id, isBuilt, config.buildDate)];
    });
  };
}

/**
 * The last site made for each audience and what it was made from: an edit that changes no page (most
 * edits of a text) keeps it whole, with no page listed again.
 */
const lastSites = new Map<string, { inputs: readonly unknown[]; site: AudienceSite }>();

function audienceSite(model: CheckModel, publication: Access, audience: string, built: boolean, date: string): AudienceSite {
  const { corpus, lookup } = model;
  const documents = corpus.documents.filter((doc) => publication.published.has(doc.code)).map((doc) => checkedDocument(doc, publication, date));
  // As the published view decides them (src/publish/decide.ts).
  const { roles, terms, records } = audienceRecords(corpus, lookup, publication);
  const site = {
    standards: corpus.standards.map((s) => s.data),
    records,
    roles,
    terms,
    legacy: [],
  };
  const inputs = [built, ...publication.restricted, ...documents, ...site.standards, ...Object.entries(records).flat(2), ...site.roles, ...site.terms];
  const last = lastSites.get(audience);
  if (last && last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i])) return last.site;
  const made = siteOf({ site, documents }, publication, audience, built);
  lastSites.set(audience, { inputs, site: made });
  return made;
}

function siteOf(source: PageSource<CheckedDocument>, publication: Access, audience: string, built: boolean): AudienceSite {
  const documents = source.documents;
  const targets = linkTargets(pagesOf(source));
  const withheld = new Map([...publication.restricted].map((code) => [codeSlug(code), code]));
  const noDocument = targets.sections.get(routes.registry());
  const sections = new Map(targets.sections).set(routes.registry(), (slug) => {
    const code = withheld.get(slug);
    return code ? `документ ${code} этой аудитории не публикуется` : noDocument ? noDocument(slug) : `документа с адресом ${routes.registry()}${slug}/ нет`;
  });
  return { audience, built, entries: new Set(documents.flatMap((d) => d.entries)), pages: targets.pages, sections };
}

/**
 * A published document's editions (those within the audience) with their states at the date, and its
 * appendices, with the heading slugs the check extracted. The language server makes the sites after every
 * edit: the same object is returned while the document's entries are the same objects and the same of them
 * are published, and also when an edit changed none of this (a text edited, its headings kept).
 */
const checked = new Map<string, { entries: readonly object[]; signature: string; doc: CheckedDocument }>();

function checkedDocument(doc: DocumentEntry, publication: Access, date: string): CheckedDocument {
  const all = [...doc.editions, ...doc.appendices];
  const visible = all.map((entry) => publication.visible.has(entryFile(doc, entry)));
  const variant = `${doc.folder}\0${doc.code}\0${date}\0${visible.map(Number).join('')}`;
  const known = checked.get(variant);
  if (known && known.entries.length === all.length && known.entries.every((e, i) => e === all[i])) return known.doc;
  const made = madeDocument(doc, visible, date);
  const signature = JSON.stringify(made);
  const kept = known?.signature === signature ? known.doc : made;
  checked.set(variant, { entries: all, signature, doc: kept });
  return kept;
}

function madeDocument(doc: DocumentEntry, visible: readonly boolean[], date: string): CheckedDocument {
  const editions = doc.editions.filter((_, i) => visible[i]);
  const appendices = doc.appendices.filter((_, i) => visible[doc.editions.length + i]);
  const status = documentStatus(editions, date);
  const headings = (entry: DocumentEntry['editions'][number] | DocumentEntry['appendices'][number]) =>
    (entry.source.extracted?.headings ?? []).map((h) => ({ slug: h.slug }));
  const timeline = status.timeline.map(({ edition, state }) => ({
    data: { version: edition.data.version, acknowledge: edition.data.acknowledge },
    state,
    headings: headings(edition),
  }));
  const shown = status.shown ? timeline[status.timeline.indexOf(status.shown)] : undefined;
  const made: CheckedDocument = {
    code: doc.code,
    status: shown ? { shown: { edition: shown, state: shown.state } } : {},
    editions: timeline,
    appendices: appendices.map((appendix) => ({ data: { number: appendix.data.number }, headings: headings(appendix) })),
    entries: [...editions, ...appendices].map((entry) => entry.id),
  };
  return made;
}

/** The anchors of a document's pages, by page path: made once per checked document (which is kept while unchanged). */
const anchorSets = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/** The inventory as a link meets it: each page's anchors, and what a wrong last segment in a folder of pages lacks. */
export function linkTargets(pages: readonly Page<InventoryDocument>[]): Pick<AudienceSite, 'pages' | 'sections'> {
  const out = new Map<string, ReadonlySet<string>>();
  const sections = new Map<string, (segment: string) => string>();
  for (const page of pages) {
    const doc = 'doc' in page ? page.doc : undefined;
    let sets = doc ? anchorSets.get(doc) : undefined;
    if (doc && !sets) anchorSets.set(doc, (sets = new Map()));
    let anchors = sets?.get(page.path);
    if (!anchors) {
      anchors = new Set(page.anchors);
      sets?.set(page.path, anchors);
    }
    out.set(page.path, anchors);
    const missing = missingIn(page);
    if (missing) sections.set(splitPath(page.path)[0], missing);
  }
  return { pages: out, sections };
}

/** What a path beside a page of this kind lacks, from its last segment: «у документа ПТ-035 нет приложения 9». */
function missingIn(page: Page<InventoryDocument>): ((segment: string) => string) | undefined {
  switch (page.kind) {
    case 'document':
      return (slug) => `документа с адресом ${routes.registry()}${slug}/ нет`;
    case 'edition':
      return (version) => `у документа ${page.doc.code} нет редакции ${version}`;
    case 'appendix':
      return (n) => `у документа ${page.doc.code} нет приложения ${n}`;
    case 'standard':
      return (other) => `стандарта «${other}» нет в каталоге`;
    case 'quality-standard':
      return (other) => `стандарта качества «${other}» нет в quality-standards/`;
    case 'audit-program':
      return (year) => `программы аудитов на ${year} год нет`;
    case 'audit-plan':
      return (other) => `плана по аудиту «${other}» нет`;
    case 'audit-report':
      return (other) => `отчёта по аудиту «${other}» нет`;
    case 'schema':
      return (other) => `схемы «${other}» нет; опубликованы: ${Object.keys(JSON_SCHEMAS).join(', ')}`;
    default:
      return undefined;
  }
}
