import path from 'node:path';
import { legacyPath, type LegacyUrlsFile } from '../schemas/legacy-urls.ts';
import { codeSlug, typePrefix } from '../lib/codes.ts';
import { digest } from '../lib/digest.ts';
import type { SiteConfig } from '../lib/config.ts';
import type { AppendixEntry, Corpus, DocumentEntry, EditionEntry } from '../model/corpus.ts';
import { splitSections, type Section } from '../model/edition-sections.ts';
import { renderBody } from '../render/render-body.ts';
import { documentStatus } from '../model/editions.ts';
import { commitUrl, type GitHistory } from '../model/git-history.ts';
import { documentReview, reviewDate } from '../model/review.ts';
import { suspectReferences } from '../model/suspects.ts';
import { QMS_STANDARD } from '../model/quality-records.ts';
import { resolveStandard } from '../model/lookup.ts';
import { routes } from '../lib/routes.ts';
import type { RenderContext } from '../render/components.ts';
import type { LinkTarget, RefTarget } from '../render/link-references.ts';
import { documentTitle } from '../lib/titles.ts';
import { buildReferenceIndex, clauseResolver, headingNumbers, standardCitations, type Citation, type ReferenceIndex } from '../analysis/resolve.ts';
import type { RenderCache } from '../render/render-cache.ts';
import type { Role } from '../schemas/registries.ts';
import type { CheckResult } from '../validation/check.ts';
import type { DocumentData, SiteData, ViewAppendix, ViewEdition, ViewSuspect } from './view-data.ts';
import type { RenderedBody } from '../render/render-body.ts';
import { decidePublication, entryFile, type Publication } from './publication.ts';

/** Audit records name people and findings: internal. A build for a wider audience publishes none. */
export const AUDIT_RECORDS_ACCESS = 'internal';
/** Records that belong to the policy's appendices and follow it. */
const APPENDIX_RECORDS = ['quality-standard', 'qms-map'];
/** Components that place a page's worth of records and link back to the appendix that shows them. */
const HOMED_COMPONENTS = ['QualityStandards', 'QmsMap', 'AuditTemplates'];

export interface PublishedView {
  publication: Publication;
  site: SiteData;
  documents: DocumentData[];
}

export class PublicationError extends Error {}

/**
 * The one place that decides what the audience sees. Everything after it — pages, components,
 * exports, the search index — receives only this view: there is no path to the checked corpus.
 */
export function publish(checked: CheckResult, config: SiteConfig, cache: RenderCache, history?: GitHistory): PublishedView {
  const date = config.buildDate;
  const publication = decidePublication(checked, config.audience, date);
  if (publication.problem) throw new PublicationError(publication.problem);
  const { lookup } = checked;
  const published = publication.published;
  const fileOf = new Map<EditionEntry | AppendixEntry, string>();
  for (const doc of checked.corpus.documents) for (const entry of [...doc.editions, ...doc.appendices]) fileOf.set(entry, entryFile(doc, entry));
  const isPublishedFile = (entry: EditionEntry | AppendixEntry) => publication.files.has(fileOf.get(entry) ?? '');
  // What the audience may read, and nothing else: every status, citation, date and list below is computed
  // from this corpus, so a hidden document or edition cannot shift a public page (README «Что видит каждая аудитория»).
  const corpus: Corpus = { ...checked.corpus, documents: audienceDocuments(checked.corpus.documents, publication, fileOf) };
  const audienceCheck = { ...checked, corpus };
  // Repository-relative (`content/documents/…`), never the absolute folder a build was given with --root.
  const repoPath = repositoryPath(config, history);
  const sourcePath = (entry: EditionEntry | AppendixEntry) => repoPath(fileOf.get(entry) ?? '');
  // Which texts are published: citations from anything else never reach a page or an export.
  const publishedEntries = new Set<string>();
  for (const doc of corpus.documents) {
    for (const entry of [...doc.editions, ...doc.appendices]) if (isPublishedFile(entry)) publishedEntries.add(entry.id);
  }
  const fileOfId = new Map([...fileOf].map(([entry, file]) => [entry.id, file]));
  const references = publishedReferences(buildReferenceIndex(corpus, lookup, checked.extracted), published, publishedEntries, (entry) =>
    repoPath(fileOfId.get(entry) ?? ''),
  );

  const roles = corpus.roles.map((r) => r.data).filter((r) => published.has(r.definedIn));
  const terms = corpus.terms.map((t) => t.data).filter((t) => published.has(t.definedIn));
  const rank = (id: string) => lookup.accessLevels.get(id)?.rank ?? Infinity;
  const auditsPublished = (publication.audience?.rank ?? -1) >= rank(AUDIT_RECORDS_ACCESS);
  const records: Record<string, unknown[]> = {};
  for (const [kind, list] of corpus.records) {
    if (auditsPublished || APPENDIX_RECORDS.includes(kind)) records[kind] = list.map((r) => r.data);
  }

  // Titles of every published document: what a link's title, a reference row or a registry shows.
  const shownTitle = new Map<string, string>();
  const shownEditions = new Map<string, EditionEntry>();
  for (const doc of corpus.documents) {
    if (!published.has(doc.code)) continue;
    const shown = documentStatus(doc.editions, date).shown;
    if (shown) {
      shownTitle.set(doc.code, shown.edition.data.title);
      shownEditions.set(doc.code, shown.edition);
    }
  }
  const rolesByDoc = Map.groupBy(roles, (r: Role) => r.definedIn);
  const appendicesOf = new Map(corpus.documents.map((doc) => [doc.code, doc.appendices]));
  const roleById = new Map(roles.map((r) => [r.id, r]));
  const termById = new Map(terms.map((t) => [t.id, t]));
  const typeName = (code: string) => lookup.types.get(typePrefix(code))?.name;
  const documentTarget = (cited: string): RefTarget => {
    if (publication.restricted.has(cited)) return { restricted: `${cited}: документ ограниченного доступа` };
    const title = shownTitle.get(cited);
    return title === undefined ? undefined : { href: routes.document(cited), title: `${cited} ${documentTitle(typeName(cited), title)}` };
  };
  const standardTarget = (id: string | undefined, clause: string | undefined): RefTarget => {
    const standard = id ? lookup.standards.get(id)?.data : undefined;
    if (!standard) return undefined;
    if (!clause) return { href: routes.standard(standard.id), title: `${standard.designation} «${standard.title.ru}»` };
    const found = lookup.clauses.get(standard.id)?.get(clause);
    return found ? { href: routes.clause(standard.id, clause), title: `${standard.designation}, п. ${clause} «${found.ru}»` } : undefined;
  };
  const appendixTarget = (code: string, number: number): RefTarget => {
    if (publication.restricted.has(code)) return { restricted: `${code}: документ ограниченного доступа` };
    const appendix = appendicesOf.get(code)?.find((a) => a.data.number === number);
    return appendix && isPublishedFile(appendix)
      ? { href: routes.appendix(code, number), title: `Приложение ${number} «${appendix.data.title}» к ${code}` }
      : undefined;
  };
  const linkTarget = authorsLinkTarget(checked.corpus.documents, publication, corpus.documents);
  const contextFor = (code: string, own: EditionEntry | undefined): RenderContext => ({
    document: code,
    linkTarget,
    role: (id) => roleById.get(id),
    term: (id) => termById.get(id),
    rolesOf: (of) => rolesByDoc.get(of) ?? [],
    referencesOf: (of) => (of === code && own ? own.data.references : shownEditions.get(of)?.data.references),
    principlesOf: (of) => (of === code && own ? own.data.principles : shownEditions.get(of)?.data.principles),
    documentTarget: (cited) => {
      const target = documentTarget(cited);
      return target && 'restricted' in target ? 'restricted' : target;
    },
    standardOf: (cite) => {
      const id = resolveStandard(lookup, cite);
      return id ? lookup.standards.get(id)?.data : undefined;
    },
    resolverFor: (headings) => {
      const own = headingNumbers(headings);
      const clauses = clauseResolver(lookup, corpus.documents.find((d) => d.code === code) ?? { editions: [] }, own);
      return (ref) => {
        if (ref.kind === 'code') return documentTarget(`${ref.prefix}-${ref.number}`);
        if (ref.kind === 'appendix') return appendixTarget(ref.document ?? code, ref.number);
        const resolved = clauses(ref);
        if (resolved === 'own') {
          const heading = headings[own.get((ref as { clause: string }).clause) ?? -1];
          return heading && { href: `#${heading.slug}`, title: heading.text };
        }
        return resolved && standardTarget(resolved.id, resolved.clause);
      };
    },
  });

  const site: Omit<SiteData, 'key'> = {
    config: { site: config.site, audience: config.audience, repository: config.repository },
    date,
    restricted: [...publication.restricted].sort(),
    types: [...lookup.types.values()],
    units: corpus.units.map((u) => u.data),
    accessLevels: [...lookup.accessLevels.values()],
    roles,
    terms,
    synonyms: (corpus.records.get('synonyms') ?? []).flatMap((r) => (r.data as { items: SiteData['synonyms'] }).items),
    // Old addresses lead only to documents this audience may read: others are never named.
    legacy: (corpus.records.get('legacy-urls') ?? [])
      .flatMap((r) => (r.data as LegacyUrlsFile).redirects)
      .filter((r) => published.has(r.code))
      .map((r) => ({ from: r.from, path: legacyPath(r.from), code: r.code, ...(r.version ? { version: r.version } : {}) })),
    // Control of external documents (holder, place, licence) is internal, like audit records.
    standards: corpus.standards.map(({ data: { control, ...data } }) => (auditsPublished && control ? { ...data, control } : data)),
    references,
    records,
    auditsPublished,
    principles: Object.fromEntries([...shownEditions].filter(([, e]) => e.data.principles).map(([code, e]) => [code, e.data.principles ?? []])),
    componentHomes: {},
    suspects: publishedSuspects(audienceCheck, date, (code) => published.has(code), isPublishedFile),
    gitHistory: history?.available ?? false,
    qmsClauseCitations: qmsClauseCitations(audienceCheck, date, (code) => published.has(code), isPublishedFile),
  };
  // Every body is rendered against this: a change here (a title, a role) re-renders the bodies.
  const contextKey = digest({
    roles,
    terms,
    titles: [...shownTitle],
    restricted: site.restricted,
    // Links to an edition the audience does not have lose their link; a bare clause follows the latest edition's references.
    editions: corpus.documents.map((d) => [d.code, d.editions.map((e) => e.data.version), d.editions.at(-1)?.data.references]),
    standards: site.standards.map((s) => [s.id, s.designation, s.equivalents]),
  });
  cache.begin(contextKey);
  // Parsed again here (the checker keeps no trees) only when the cache has no rendering of this text.
  const render = (entry: EditionEntry | AppendixEntry, context: RenderContext): RenderedBody & { sections: Section[] } =>
    cache.get(`${context.document}\0${String(entry.file.value)}`, () => {
      const tree = entry.source.tree;
      if (!tree) throw new PublicationError(`${entry.file.path}: текст не разобран как MDX — исправьте ошибки проверки (npm run check)`);
      const sections = splitSections(tree);
      return { ...renderBody(tree, context), sections };
    });

  const withheld = withheldCommits(history, publication.visible);
  // A commit that also changed a file this audience may not read keeps its date and address, never its subject or author.
  const fileCommits = (file: string) =>
    (history?.files.get(file) ?? []).map((c) =>
      withheld.has(c.hash)
        ? { hash: c.hash, short: c.short, date: c.date, author: '', subject: '', withheld: true, url: commitUrl(config.repository, c.hash) }
        : { ...c, url: commitUrl(config.repository, c.hash) },
    );

  const documents: DocumentData[] = [];
  for (const doc of corpus.documents) {
    if (!published.has(doc.code)) continue;
    const status = documentStatus(doc.editions, date);
    const shown = status.shown!;
    const typePeriod = lookup.types.get(typePrefix(doc.code))?.reviewPeriod;
    // Only with errors (astro dev): the edition the address shows could not be rendered; its page waits for the fix.
    if (!isPublishedFile(shown.edition)) continue;
    const editions: ViewEdition[] = status.timeline
      .filter((t) => isPublishedFile(t.edition))
      .map(({ edition, state, from, until, interval }) => ({
        id: edition.id,
        data: edition.data,
        path: sourcePath(edition),
        state,
        from,
        until,
        interval,
        ...render(edition, contextFor(doc.code, edition)),
        reviewBy: reviewDate(edition.data, typePeriod)?.by,
        ...(history?.available ? { commits: fileCommits(fileOf.get(edition) ?? '') } : {}),
      }));
    const review = documentReview(doc.editions.filter(isPublishedFile), typePeriod, date, config.review.leadDays);
    const publishedVersion = (t: { edition: EditionEntry } | undefined) => (t && isPublishedFile(t.edition) ? t.edition.data.version : undefined);
    const appendices: ViewAppendix[] = doc.appendices.filter(isPublishedFile).map((appendix) => {
      const { sections: _unused, ...body } = render(appendix, contextFor(doc.code, shown.edition));
      for (const segment of body.segments) {
        if ('component' in segment && HOMED_COMPONENTS.includes(segment.component) && !site.componentHomes[segment.component]) {
          site.componentHomes[segment.component] = { code: doc.code, number: appendix.data.number, title: appendix.data.title };
        }
      }
      return { id: appendix.id, data: appendix.data, path: sourcePath(appendix), ...body, key: '' };
    });
    const citedBy = [...new Set((references.documents[doc.code] ?? []).map((c) => c.from))].filter((code) => code !== doc.code);
    documents.push({
      code: doc.code,
      slug: codeSlug(doc.code),
      folder: doc.folder,
      shownVersion: shown.edition.data.version,
      editions,
      currentVersion: publishedVersion(status.current),
      upcomingVersion: publishedVersion(status.upcoming),
      state: status.state,
      cancelledOn: status.cancelledOn,
      replacedBy: status.replacedBy,
      cancellation: status.cancellation,
      appendices,
      citedBy,
      ...(review ? { review: { version: review.edition.data.version, by: review.by, basis: review.basis, months: review.months, state: review.state } } : {}),
      key: '',
    });
  }
  cache.end();
  // What every page may show (registries, records, the date); other documents' titles are per page below.
  const siteData: SiteData = { ...site, key: digest({ ...site, references: undefined }) };
  for (const doc of documents) {
    // A document's pages name the documents that cite it and its successor, with their titles; its body
    // (links, reference tables) is already in `doc`. Nothing else of other documents reaches them.
    const named = [...doc.citedBy, ...(doc.replacedBy ? [doc.replacedBy] : [])].map((code) => [code, shownTitle.get(code)]);
    // The document's pages list its appendices by number and title only: an appendix's text is its own page's.
    const appendices = doc.appendices.map((a) => ({ id: a.id, data: a.data }));
    doc.key = digest({ doc: { ...doc, appendices }, named, site: siteData.key });
    const shown = doc.editions.find((e) => e.data.version === doc.shownVersion);
    const head = {
      code: doc.code,
      state: doc.state,
      current: doc.currentVersion,
      upcoming: doc.upcomingVersion,
      title: shown?.data.title,
      access: shown?.data.access,
      owner: shown?.data.passport.responsibleForDevelopment,
    };
    for (const appendix of doc.appendices) appendix.key = digest({ appendix: { ...appendix, key: undefined }, head, site: siteData.key });
  }
  return { publication, site: siteData, documents };
}

/** Clause of ISO 9001:2015 → codes of published documents in force whose edition in force or appendices cite it (the clause matrix). */
function qmsClauseCitations(
  checked: CheckResult,
  date: string,
  published: (code: string) => boolean,
  publishedFile: (entry: EditionEntry | AppendixEntry) => boolean,
): Record<string, string[]> {
  const inForce = new Map<string, string>();
  for (const doc of checked.corpus.documents) {
    const current = published(doc.code) ? documentStatus(doc.editions, date).current?.edition : undefined;
    if (current && publishedFile(current)) for (const entry of [current, ...doc.appendices.filter(publishedFile)]) inForce.set(entry.id, doc.code);
  }
  const byClause = new Map<string, Set<string>>();
  for (const { entry, id, clause } of standardCitations(checked)) {
    if (id !== QMS_STANDARD || !clause || !inForce.has(entry.id)) continue;
    const code = inForce.get(entry.id);
    if (code) byClause.set(clause, (byClause.get(clause) ?? new Set()).add(code));
  }
  return Object.fromEntries(
    [...byClause].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([clause, codes]) => [clause, [...codes].sort()]),
  );
}

/** Suspect references whose citing edition and the cited editions are all published. */
function publishedSuspects(
  checked: CheckResult,
  date: string,
  published: (code: string) => boolean,
  publishedFile: (entry: EditionEntry) => boolean,
): ViewSuspect[] {
  return suspectReferences(checked.corpus.documents, date)
    .filter((p) => published(p.citing) && published(p.cited) && publishedFile(p.citingEdition) && publishedFile(p.current) && p.newer.every(publishedFile))
    .map((p) => ({
      citing: p.citing,
      citingVersion: p.citingEdition.data.version,
      cited: p.cited,
      against: p.against,
      declared: p.declared,
      current: p.current.data.version,
      since: p.current.data.effective ?? '',
      changes: p.newer.map((e) => ({ version: e.data.version, changes: e.data.changes })),
    }));
}

/**
 * The reference index between published texts only: neither a hidden citing text nor a hidden cited
 * document; each citation names its file as the repository does.
 */
function publishedReferences(
  index: ReferenceIndex,
  published: ReadonlySet<string>,
  entries: ReadonlySet<string>,
  fileOf: (entry: string) => string,
): ReferenceIndex {
  const keep = (bucket: Record<string, Citation[]>, keyPublished: (key: string) => boolean) =>
    Object.fromEntries(
      Object.entries(bucket)
        .filter(([key]) => keyPublished(key))
        .map(
          ([key, citations]) =>
            [key, citations.filter((c) => published.has(c.from) && entries.has(c.entry)).map((c) => ({ ...c, file: fileOf(c.entry) }))] as const,
        )
        .filter(([, citations]) => citations.length > 0),
    );
  return { documents: keep(index.documents, (code) => published.has(code)), standards: keep(index.standards, () => true) };
}

export { digest };

/**
 * The documents as the audience may read them: published documents only, each with the editions within
 * the audience. Everything the view derives (the edition in force and its dates, citations, suspects,
 * the clause matrix) is derived from these, as if nothing else existed.
 */
function audienceDocuments(
  documents: readonly DocumentEntry[],
  publication: Publication,
  fileOf: ReadonlyMap<EditionEntry | AppendixEntry, string>,
): DocumentEntry[] {
  const visible = (entry: EditionEntry | AppendixEntry) => publication.visible.has(fileOf.get(entry) ?? '');
  return documents
    .filter((doc) => publication.published.has(doc.code))
    .map((doc) => ({ ...doc, editions: doc.editions.filter(visible), appendices: doc.appendices.filter(visible) }));
}

/**
 * An author's link to a document's address (`/nd/pr-901/`, `/nd/ПР-901`, `https://…/nd/pr-901/1.0/`):
 * a restricted document's is shown as its code, marked; an edition of a published document the audience
 * does not have loses its link. Any host counts: a link cannot be trusted to name the portal's own.
 */
function authorsLinkTarget(all: readonly DocumentEntry[], publication: Publication, readable: readonly DocumentEntry[]): LinkTarget {
  const bySegment = new Map<string, string>();
  for (const doc of all) {
    bySegment.set(codeSlug(doc.code), doc.code);
    bySegment.set(doc.folder.toLowerCase(), doc.code);
    bySegment.set(doc.code.toLowerCase(), doc.code);
  }
  const versions = new Map(readable.map((doc) => [doc.code, new Set(doc.editions.map((e) => e.data.version))]));
  return (url) => {
    const match = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]*)?\/nd\/([^/?#]+)(?:\/([^/?#]+))?/i.exec(url.trim());
    if (!match) return undefined;
    const decode = (segment: string) => {
      try {
        return decodeURIComponent(segment).toLowerCase();
      } catch {
        return segment.toLowerCase();
      }
    };
    const code = bySegment.get(decode(match[1] ?? ''));
    if (!code) return undefined;
    if (publication.restricted.has(code) || !publication.published.has(code)) return { restricted: code };
    const second = match[2] ? decode(match[2]) : undefined;
    if (second && /^\d/.test(second) && !versions.get(code)?.has(second)) return 'unlinked';
    return undefined;
  };
}

/**
 * Commits that changed a document file the audience may not read (a restricted document, a hidden
 * edition, or a file no longer in the corpus, whose access is unknown). Other content files (registries,
 * standards) do not withhold a commit.
 */
function withheldCommits(history: GitHistory | undefined, visible: ReadonlySet<string>): Set<string> {
  const withheld = new Set<string>();
  for (const [file, commits] of history?.files ?? []) {
    if (file.startsWith('documents/') && !visible.has(file)) for (const c of commits) withheld.add(c.hash);
  }
  return withheld;
}

/**
 * Content-root-relative path → the path the repository gives it (`content/documents/…`): the root's place in
 * its Git repository, else the configured root when it is relative and inside the project, else the path
 * under the root alone. The absolute folder a build was given (`--root /srv/…`) is never published.
 */
function repositoryPath(config: SiteConfig, history: GitHistory | undefined): (file: string) => string {
  const configured = config.contentRoot.split(path.sep).join('/');
  const relative = !path.isAbsolute(config.contentRoot) && !configured.split('/').includes('..');
  const prefix = history?.prefix ?? (relative ? configured : '');
  return (file) => path.posix.join(prefix || '.', file);
}
