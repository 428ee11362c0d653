import { createHash } from 'node:crypto';
import type { SiteConfig } from '../lib/config.ts';
import { documentStatus, type EditionDates, type EditionState } from '../model/editions.ts';
import { decideAccess, entryFile } from '../publish/access.ts';
import type { Acknowledge, Edition } from '../schemas/document.ts';
import type { Unit } from '../schemas/registries.ts';
import { audienceSites } from '../site/audience-pages.ts';
import { runCheck } from '../validation/run.ts';

/** One edition the service knows: published for the configured audience, with the digest of its text. */
export interface KnownEdition {
  code: string;
  version: string;
  title: string;
  effective?: string;
  acknowledge?: Required<Pick<Acknowledge, 'units' | 'roles' | 'withinDays'>>;
  /** sha256 of the edition's source file as published (content/documents/<код>/editions/<v>.mdx). */
  digest: string;
  /** Every edition of the document, for its state on any date. */
  siblings: EditionDates[];
}

export interface Catalog {
  editions: Map<string, KnownEdition>;
  units: Map<string, Unit>;
  roles: Map<string, { id: string; name: string }>;
  /** When the catalog was read, and from which content root. */
  loadedAt: string;
  root: string;
}

export const editionKey = (code: string, version: string) => `${code}\u0000${version}`;

export class CatalogError extends Error {}

/**
 * The service runs the checker itself at start (the same pass as `npm run check`): it needs no build
 * and no snapshot in a cache folder, and an edition is known only if the check passes and the audience
 * of nd.config.json may read it. A deploy that changes content restarts the service.
 */
export async function loadCatalog(config: SiteConfig): Promise<Catalog> {
  const checked = await runCheck(config, audienceSites(config));
  if (checked.errors > 0)
    throw new CatalogError(
      `в содержимом «${config.contentRoot}» ошибок проверки: ${checked.errors}; выполните npm run check и исправьте их — служба не принимает ознакомления с непроверенными редакциями`,
    );
  const publication = decideAccess(checked, config.audience, config.buildDate);
  if (publication.problem) throw new CatalogError(publication.problem);
  const editions = new Map<string, KnownEdition>();
  for (const doc of checked.corpus.documents) {
    if (!publication.published.has(doc.code)) continue;
    const siblings = doc.editions.map((e) => e.data as EditionDates);
    for (const entry of doc.editions) {
      const file = entryFile(doc, entry);
      if (!publication.files.has(file)) continue;
      const data: Edition = entry.data;
      editions.set(editionKey(doc.code, data.version), {
        code: doc.code,
        version: data.version,
        title: data.title,
        effective: data.effective,
        acknowledge: data.acknowledge && { units: data.acknowledge.units, roles: data.acknowledge.roles, withinDays: data.acknowledge.withinDays },
        digest: createHash('sha256').update(String(entry.file.value)).digest('hex'),
        siblings,
      });
    }
  }
  return {
    editions,
    units: new Map(checked.corpus.units.map((u) => [u.data.id, u.data])),
    roles: new Map(checked.corpus.roles.map((r) => [r.data.id, { id: r.data.id, name: r.data.name }])),
    loadedAt: new Date().toISOString(),
    root: config.contentRootAbs,
  };
}

/** State of the edition on a date, as the portal shows it. */
export function editionState(edition: KnownEdition, date: string): EditionState {
  const status = documentStatus(
    edition.siblings.map((data) => ({ data })),
    date,
  );
  return status.timeline.find((t) => t.edition.data.version === edition.version)?.state ?? 'draft';
}

/** The unit and every unit above it, nearest first (units.json's parents). */
export function unitChain(units: ReadonlyMap<string, Unit>, unit: string): string[] {
  const chain: string[] = [];
  for (let id: string | null | undefined = unit; id && !chain.includes(id); id = units.get(id)?.parent) chain.push(id);
  return chain;
}

/** Whether an employee of `unit` holding `roles` must acknowledge the edition. */
export function concerns(catalog: Pick<Catalog, 'units'>, edition: KnownEdition, unit: string | undefined, roles: readonly string[]): boolean {
  const ack = edition.acknowledge;
  if (!ack) return false;
  if (roles.some((r) => ack.roles.includes(r))) return true;
  return unit !== undefined && unitChain(catalog.units, unit).some((u) => ack.units.includes(u));
}

/** Editions that ask for acknowledgement and may be acknowledged on `date`: in force or announced. */
export function openForAcknowledgement(edition: KnownEdition, date: string): boolean {
  const state = editionState(edition, date);
  return Boolean(edition.acknowledge) && (state === 'current' || state === 'future');
}
