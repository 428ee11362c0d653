import AuditLinks from './AuditLinks.astro';
import AuditTemplates from './AuditTemplates.astro';
import Note from './Note.astro';
import NormativeReferences from './NormativeReferences.astro';
import QmsMap from './QmsMap.astro';
import QualityStandards from './QualityStandards.astro';
import Role from './Role.astro';
import RolesTable from './RolesTable.astro';
import Term from './Term.astro';
import type { CONTENT_COMPONENTS } from './allowlist.ts';

/** Passed to every MDX page, so content needs no imports; the names are the checker's allowlist. */
export const contentComponents: Record<(typeof CONTENT_COMPONENTS)[number], unknown> = {
  Role, Term, RolesTable, NormativeReferences, Note, QualityStandards, AuditTemplates, QmsMap, AuditLinks,
};
