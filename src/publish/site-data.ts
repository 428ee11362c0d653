import type { DocumentData, SiteData } from './view-data.ts';
import type { Publication } from './decide.ts';

/** Components that place a page's worth of records and link back to the appendix that shows them. */
const HOMED_COMPONENTS = ['QualityStandards', 'QmsMap', 'AuditTemplates'];

/** What every page may show (registries, records, the date), from the publication and its rendered documents. */
export function siteData(publication: Publication, documents: readonly DocumentData[]): Omit<SiteData, 'key'> {
  const { config, lookup, corpus } = publication;
  return {
    config: { site: config.site, audience: config.audience, repository: config.repository },
    date: publication.date,
    restricted: [...publication.access.restricted].sort(),
    types: [...lookup.types.values()],
    units: corpus.units.map((u) => u.data),
    accessLevels: [...lookup.accessLevels.values()],
    roles: publication.roles,
    terms: publication.terms,
    synonyms: (corpus.records.get('synonyms') ?? []).flatMap((r) => (r.data as { items: SiteData['synonyms'] }).items),
    legacy: publication.legacy,
    standards: publication.standards,
    references: publication.references,
    records: publication.records,
    auditsPublished: publication.auditsPublished,
    principles: Object.fromEntries(
      publication.documents.filter((d) => d.shown.edition.data.principles).map((d) => [d.entry.code, d.shown.edition.data.principles ?? []]),
    ),
    componentHomes: componentHomes(documents),
    suspects: publication.suspects,
    gitHistory: publication.history?.available ?? false,
    qmsClauseCitations: publication.qmsClauseCitations,
  };
}

/** The first published appendix whose text places each record component. */
export function componentHomes(documents: readonly DocumentData[]): SiteData['componentHomes'] {
  const homes: SiteData['componentHomes'] = {};
  for (const doc of documents) {
    for (const appendix of doc.appendices) {
      for (const segment of appendix.segments) {
        if ('component' in segment && HOMED_COMPONENTS.includes(segment.component) && !homes[segment.component]) {
          homes[segment.component] = { code: doc.code, number: appendix.data.number, title: appendix.data.title };
        }
      }
    }
  }
  return homes;
}
