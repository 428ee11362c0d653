import { typePrefix } from '../lib/codes.ts';
import { repositoryFileUrl } from '../lib/repository.ts';
import type { EditionTimeline } from '../model/editions.ts';
import type { Clause, Standard } from '../schemas/standard.ts';
import type { AccessLevel, DocumentType, Role, Term, Unit } from '../schemas/registries.ts';
import type { DocumentData, SiteData, ViewAppendix, ViewEdition } from '../publish/view-data.ts';

/** A published document as pages use it: its data with the edition its address shows. */
export interface SiteDocument extends DocumentData {
  type: DocumentType | undefined;
  /** `status.shown`: the edition the document's address shows. */
  shown: EditionTimeline<ViewEdition>;
  access: AccessLevel | undefined;
  owner: Unit | undefined;
  appendices: ViewAppendix[];
}

/** The published view with lookups: the only data pages and components can reach. */
export interface Site extends Omit<SiteData, 'restricted'> {
  documents: SiteDocument[];
  byCode: Map<string, SiteDocument>;
  restricted: Set<string>;
  lookup: {
    types: Map<string, DocumentType>;
    units: Map<string, Unit>;
    accessLevels: Map<string, AccessLevel>;
    roles: Map<string, Role>;
    terms: Map<string, Term>;
    standards: Map<string, Standard>;
    clauses: Map<string, Map<string, Clause>>;
  };
  sourceUrl(file: string): string;
}

/**
 * The published view with its lookups, from the site's and the documents' data as the content layer holds
 * them (src/site/view.ts reads them there; tests pass publish()'s view directly).
 */
export function siteView(data: SiteData, documentData: readonly DocumentData[]): Site {
  const types = new Map(data.types.map((t) => [t.prefix, t]));
  const units = new Map(data.units.map((u) => [u.id, u]));
  const accessLevels = new Map(data.accessLevels.map((a) => [a.id, a]));
  const documents = [...documentData]
    .sort((a, b) => a.code.localeCompare(b.code, 'ru', { numeric: true }))
    .map((doc): SiteDocument => {
      const shown = doc.status.shown!;
      return {
        ...doc,
        type: types.get(typePrefix(doc.code)),
        shown,
        access: accessLevels.get(shown.edition.data.access),
        owner: units.get(shown.edition.data.passport.responsibleForDevelopment.unit),
      };
    });
  return {
    ...data,
    documents,
    byCode: new Map(documents.map((d) => [d.code, d])),
    restricted: new Set(data.restricted),
    lookup: {
      types,
      units,
      accessLevels,
      roles: new Map(data.roles.map((r) => [r.id, r])),
      terms: new Map(data.terms.map((t) => [t.id, t])),
      standards: new Map(data.standards.map((s) => [s.id, s])),
      clauses: new Map(data.standards.map((s) => [s.id, new Map(s.clauses.map((c) => [c.number, c]))])),
    },
    sourceUrl: (file) => repositoryFileUrl(data.config.repository, file),
  };
}

/** Unit name with its parents: «Корпоративный центр Группы МТС / Блок Маркетинга / …». */
export function unitPath(site: { lookup: { units: ReadonlyMap<string, Unit> } }, id: string): string {
  const names: string[] = [];
  let unit = site.lookup.units.get(id);
  const seen = new Set<string>();
  while (unit && !seen.has(unit.id)) {
    seen.add(unit.id);
    names.unshift(unit.name);
    unit = unit.parent ? site.lookup.units.get(unit.parent) : undefined;
  }
  return names.join(' / ') || id;
}
