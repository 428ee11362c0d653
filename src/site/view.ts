import { getCollection, getEntry } from 'astro:content';
import { typePrefix } from '../lib/codes.ts';
import { repositoryFileUrl } from '../lib/repository.ts';
import type { DocumentStatus, EditionTimeline } from '../model/editions.ts';
import type { Clause, Standard } from '../schemas/standard.ts';
import type { AccessLevel, DocumentType, Role, Term, Unit } from '../schemas/registries.ts';
import type { DocumentData, SiteData, ViewAppendix, ViewEdition } from '../publish/view-data.ts';

export type { BodySegment } from '../render/render-body.ts';
export type { ViewAppendix, ViewEdition } from '../publish/view-data.ts';

/** A published document as pages use it: its data with the edition its address shows. */
export interface SiteDocument extends DocumentData {
  type: DocumentType | undefined;
  shown: EditionTimeline<ViewEdition>;
  /** State at the build date; the timeline holds published editions only. */
  status: DocumentStatus<ViewEdition>;
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

let loaded: Promise<Site> | undefined;

/** Reads the published view from the content layer once per build. */
export function getView(): Promise<Site> {
  // astro dev re-publishes on every save: read the content layer afresh for each page there.
  if (import.meta.env.DEV) return load();
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Site> {
  const [siteEntry, documentEntries] = await Promise.all([getEntry('site', 'site'), getCollection('documents')]);
  if (!siteEntry) throw new Error('нет опубликованного представления сайта: сборка запущена без подготовки содержимого');
  const data = siteEntry.data as unknown as SiteData;
  const types = new Map(data.types.map((t) => [t.prefix, t]));
  const units = new Map(data.units.map((u) => [u.id, u]));
  const accessLevels = new Map(data.accessLevels.map((a) => [a.id, a]));
  const documents = documentEntries
    .map((entry) => entry.data as unknown as DocumentData)
    .sort((a, b) => a.code.localeCompare(b.code, 'ru', { numeric: true }))
    .map((doc): SiteDocument => {
      const timeline = doc.editions.map((edition): EditionTimeline<ViewEdition> => ({
        edition,
        state: edition.state,
        from: edition.from,
        until: edition.until,
        interval: edition.interval,
      }));
      const byVersion = (version: string | undefined) => timeline.find((t) => t.edition.data.version === version);
      const shown = byVersion(doc.shownVersion)!;
      return {
        ...doc,
        type: types.get(typePrefix(doc.code)),
        shown,
        status: {
          timeline,
          current: byVersion(doc.currentVersion),
          upcoming: byVersion(doc.upcomingVersion),
          shown,
          state: doc.state,
          cancelledOn: doc.cancelledOn,
          replacedBy: doc.replacedBy,
          cancellation: doc.cancellation,
        },
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
export function unitPath(site: Site, id: string): string {
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

export { formatDate } from '../lib/dates.ts';
