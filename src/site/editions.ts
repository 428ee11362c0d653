import type { EditionEntry } from '../model/corpus.ts';
import { diffFields, diffSections, type FieldDiff, type SectionDiff } from '../model/edition-diff.ts';
import type { Field } from '../model/edition-diff.ts';
import { splitSections } from '../model/edition-sections.ts';
import type { EditionTimeline } from '../model/editions.ts';
import type { Edition } from '../schemas/document.ts';
import { unitPath, type Site, type SiteDocument } from './data.ts';

/**
 * Editions have their own access level: an edition above the build's audience gets no page, no diff,
 * no feed entry and no export record, and no other edition is diffed against it.
 */
export function isPublished(site: Site, edition: EditionEntry): boolean {
  const { lookup } = site.check;
  const audience = lookup.accessLevels.get(site.config.audience)?.rank ?? 0;
  return (lookup.accessLevels.get(edition.data.access)?.rank ?? Infinity) <= audience;
}

/** The document's published editions with their state at the build date, oldest version first. */
export function publishedTimeline(site: Site, doc: SiteDocument): EditionTimeline<EditionEntry>[] {
  return doc.status.timeline.filter((t) => isPublished(site, t.edition));
}

/** The published edition just before `version`, which the diff page compares with. */
export function previousEdition(site: Site, doc: SiteDocument, version: string): EditionTimeline<EditionEntry> | undefined {
  const timeline = publishedTimeline(site, doc);
  const index = timeline.findIndex((t) => t.edition.data.version === version);
  return index > 0 ? timeline[index - 1] : undefined;
}

const responsible = (site: Site, r: Edition['passport']['responsibleForApplication']) => `${unitPath(site, r.unit)}${r.position ? ` / ${r.position}` : ''}`;

/** The passport and metadata a reader compares between editions, as the document page shows them. */
export function editionFields(site: Site, edition: Edition): Field[] {
  const p = edition.passport;
  const access = site.check.lookup.accessLevels.get(edition.access);
  return [
    { label: 'Наименование', text: edition.title },
    { label: 'Цель документа', text: p.goals.join('\n') },
    { label: 'Краткое описание документа', text: p.summary },
    { label: 'Ответственный за применение НД', text: responsible(site, p.responsibleForApplication) },
    { label: 'Ответственный за разработку НД', text: responsible(site, p.responsibleForDevelopment) },
    { label: 'Область применения', text: p.scope.map((s) => `${s.name}${s.adaptation ? ' *' : ''}`).join('\n') },
    { label: 'Ограничение доступа', text: access?.restriction ?? edition.access },
    { label: 'Нормативные ссылки', text: edition.references.map((r) => (r.title ? `${r.cite} ${r.title}` : r.cite)).join('\n') },
  ];
}

export interface EditionDiff {
  previous: EditionTimeline<EditionEntry>;
  fields: FieldDiff[];
  sections: SectionDiff[];
  changedSections: SectionDiff[];
}

/** What changed from the previous published edition: passport fields and the body, section by section. */
export function editionDiff(site: Site, doc: SiteDocument, edition: EditionEntry): EditionDiff | undefined {
  const previous = previousEdition(site, doc, edition.data.version);
  if (!previous) return undefined;
  const before = previous.edition;
  const sections = diffSections(splitSections(before.source.tree), splitSections(edition.source.tree));
  return {
    previous,
    fields: diffFields(editionFields(site, before.data), editionFields(site, edition.data)),
    sections,
    changedSections: sections.filter((s) => s.change !== 'same'),
  };
}
