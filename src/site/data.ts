import path from 'node:path';
import { loadConfig } from '../lib/config.ts';
import { codeSlug } from '../lib/codes.ts';
import type { AppendixEntry, DocumentEntry, EditionEntry } from '../model/corpus.ts';
import { documentStatus, type DocumentStatus, type EditionTimeline } from '../model/editions.ts';
import type { AccessLevel, DocumentType, Role, Term, Unit } from '../schemas/registries.ts';
import type { CheckResult } from '../validation/check.ts';
import { runCheck } from '../validation/run.ts';
import { decidePublication, type Publication } from './publication.ts';

export interface SiteDocument {
  code: string;
  slug: string;
  entry: DocumentEntry;
  type: DocumentType | undefined;
  /** The edition the document's address shows: in force, else the upcoming one, else the newest. */
  shown: EditionTimeline<EditionEntry>;
  status: DocumentStatus<EditionEntry>;
  access: AccessLevel | undefined;
  owner: Unit | undefined;
  appendices: AppendixEntry[];
}

export interface Site {
  config: ReturnType<typeof loadConfig>;
  date: string;
  check: CheckResult;
  /** Published documents only (access within the build's audience), by code order. */
  documents: SiteDocument[];
  byCode: Map<string, SiteDocument>;
  /** Codes that exist but are above the audience: cited by code only, never by title. */
  restricted: Set<string>;
  /** The build's publication decision: audience, published codes, MDX files Astro may load. */
  publication: Publication;
  /** Roles and terms defined in published documents: the only ones pages may name. */
  roles: Role[];
  terms: Term[];
  sourceUrl(file: string): string;
}

let cached: Promise<Site> | undefined;

/** Loads and checks the content once per build; every page reads from here. */
export function getSite(): Promise<Site> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Site> {
  const config = loadConfig();
  const check = await runCheck(config);
  const { lookup } = check;
  const publication = decidePublication(check, config.audience, config.buildDate);
  if (publication.problem) throw new Error(publication.problem);
  const documents: SiteDocument[] = [];
  const { restricted } = publication;
  for (const entry of check.corpus.documents) {
    if (!publication.published.has(entry.code)) continue;
    const status = documentStatus(entry.editions, config.buildDate);
    const shown = status.current ?? status.upcoming ?? status.timeline.at(-1)!;
    const access = lookup.accessLevels.get(shown.edition.data.access);
    documents.push({
      code: entry.code,
      slug: codeSlug(entry.code),
      entry,
      type: lookup.types.get(entry.code.split('-')[0] ?? ''),
      shown,
      status,
      access,
      owner: lookup.units.get(shown.edition.data.passport.responsibleForDevelopment.unit)?.data,
      appendices: entry.appendices,
    });
  }
  const repo = config.repository;
  const cwd = process.cwd();
  return {
    config,
    date: config.buildDate,
    check,
    documents,
    byCode: new Map(documents.map((d) => [d.code, d])),
    restricted,
    publication,
    roles: check.corpus.roles.map((r) => r.data).filter((r) => publication.published.has(r.definedIn)),
    terms: check.corpus.terms.map((t) => t.data).filter((t) => publication.published.has(t.definedIn)),
    sourceUrl: (file) => `${repo.url.replace(/\/$/, '')}/${repo.blobPath}/${repo.branch}/${path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/')}`,
  };
}

/** Unit name with its parents: «Корпоративный центр Группы МТС / Блок Маркетинга / …». */
export function unitPath(site: Site, id: string): string {
  const names: string[] = [];
  let unit = site.check.lookup.units.get(id)?.data;
  const seen = new Set<string>();
  while (unit && !seen.has(unit.id)) {
    seen.add(unit.id);
    names.unshift(unit.name);
    unit = unit.parent ? site.check.lookup.units.get(unit.parent)?.data : undefined;
  }
  return names.join(' / ') || id;
}

/** «1 марта 2023 г.» — kept here for the pages that import it from the site data. */
export { formatDate } from '../lib/dates.ts';
