import type { Rule } from './rule.ts';
import editionCancellation from './rules/edition-cancellation.ts';
import editionDates from './rules/edition-dates.ts';
import auditFindings from './rules/audit-findings.ts';
import auditProgram from './rules/audit-program.ts';
import auditTeam from './rules/audit-team.ts';
import qualityStandards from './rules/quality-standards.ts';
import recordRefs from './rules/record-refs.ts';
import schemaRef from './rules/schema-ref.ts';

/** Rules contributed by other concerns (editions, audits); each appends its module's list here. */
export const EXTRA_RULES: readonly Rule[] = [...editionDates, ...editionCancellation,
  ...schemaRef, ...recordRefs, ...qualityStandards, ...auditProgram, ...auditTeam, ...auditFindings];
