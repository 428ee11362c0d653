import { diffFields, diffSections, type FieldDiff, type SectionDiff } from '../model/edition-diff.ts';
import type { Field } from '../model/edition-diff.ts';
import type { EditionState, EditionTimeline } from '../model/editions.ts';
import { formatDate } from '../lib/dates.ts';
import { PASSPORT_LABELS } from '../lib/passport.ts';
import { routes } from '../lib/routes.ts';
import type { Edition } from '../schemas/document.ts';
import type { AccessLevel, Unit } from '../schemas/registries.ts';
import { unitPath, type SiteDocument } from './site.ts';
import type { ViewEdition } from '../publish/view-data.ts';

/**
 * An edition's effective date in the tense of its state: «введена в действие 1 марта 2023 г.» once in force,
 * «вступает в силу 1 марта 2027 г.» before, «планируется ввести в действие …» for a draft.
 */
export function effectivePhrase(state: EditionState, effective: string | undefined): string {
  return `${effectiveVerb(state)} ${formatDate(effective)}`;
}

export function effectiveVerb(state: EditionState): string {
  return state === 'future' ? 'вступает в силу' : state === 'draft' ? 'планируется ввести в действие' : 'введена в действие';
}

/** Running head of a printed edition or appendix: code, edition, access level; the foot names the address in force. */
export function printMarks(
  accessLevels: ReadonlyMap<string, AccessLevel>,
  code: string,
  edition: Pick<Edition, 'version' | 'access'>,
  appendix?: number,
): { head: string; currentPath: string } {
  const access = accessLevels.get(edition.access)?.name ?? edition.access;
  const what = appendix === undefined ? code : `${code}, приложение ${appendix}`;
  return {
    head: `${what} · редакция ${edition.version} · ${access}`,
    currentPath: appendix === undefined ? routes.document(code) : routes.appendix(code, appendix),
  };
}

/** The published edition just before `version`, which the diff page compares with. */
export function previousEdition(doc: Pick<SiteDocument, 'status'>, version: string): EditionTimeline<ViewEdition> | undefined {
  const timeline = doc.status.timeline;
  const index = timeline.findIndex((t) => t.edition.data.version === version);
  return index > 0 ? timeline[index - 1] : undefined;
}

/** What the passport fields read of the site: units and access levels. */
type FieldLookups = { lookup: { units: ReadonlyMap<string, Unit>; accessLevels: ReadonlyMap<string, AccessLevel> } };

const responsible = (site: FieldLookups, r: Edition['passport']['responsibleForApplication']) =>
  `${unitPath(site, r.unit)}${r.position ? ` / ${r.position}` : ''}`;

/** The passport and metadata a reader compares between editions, as the document page shows them. */
export function editionFields(site: FieldLookups, edition: Edition): Field[] {
  const p = edition.passport;
  const access = site.lookup.accessLevels.get(edition.access);
  return [
    { label: PASSPORT_LABELS.title, text: edition.title },
    { label: PASSPORT_LABELS.goals, text: p.goals.join('\n') },
    { label: PASSPORT_LABELS.summary, text: p.summary },
    { label: PASSPORT_LABELS.responsibleForApplication, text: responsible(site, p.responsibleForApplication) },
    { label: PASSPORT_LABELS.responsibleForDevelopment, text: responsible(site, p.responsibleForDevelopment) },
    { label: PASSPORT_LABELS.scope, text: p.scope.map((s) => `${s.name}${s.adaptation ? ' *' : ''}`).join('\n') },
    { label: PASSPORT_LABELS.access, text: access?.restriction ?? edition.access },
    { label: PASSPORT_LABELS.references, text: edition.references.map((r) => (r.title ? `${r.cite} ${r.title}` : r.cite)).join('\n') },
  ];
}

export interface EditionDiff {
  previous: EditionTimeline<ViewEdition>;
  fields: FieldDiff[];
  sections: SectionDiff[];
  changedSections: SectionDiff[];
}

/** What changed from the previous published edition: passport fields and the body, section by section. */
export function editionDiff(site: FieldLookups, doc: Pick<SiteDocument, 'status'>, edition: ViewEdition): EditionDiff | undefined {
  const previous = previousEdition(doc, edition.data.version);
  if (!previous) return undefined;
  const before = previous.edition;
  const sections = diffSections(before.sections, edition.sections);
  return {
    previous,
    fields: diffFields(editionFields(site, before.data), editionFields(site, edition.data)),
    sections,
    changedSections: sections.filter((s) => s.change !== 'same'),
  };
}
