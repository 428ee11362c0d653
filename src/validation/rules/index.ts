import syntaxFile from './syntax-file.ts';
import syntaxYaml from './syntax-yaml.ts';
import syntaxFrontmatter from './syntax-frontmatter.ts';
import syntaxMdx from './syntax-mdx.ts';
import syntaxJson from './syntax-json.ts';
import schemaInvalid from './schema-invalid.ts';
import schemaRef from './schema-ref.ts';
import contentUnknownFile from './content-unknown-file.ts';
import docCodeFolder from './doc-code-folder.ts';
import docCodeConsistent from './doc-code-consistent.ts';
import docDuplicateCode from './doc-duplicate-code.ts';
import docDuplicateVersion from './doc-duplicate-version.ts';
import docUnknownType from './doc-unknown-type.ts';
import docDuplicateAppendix from './doc-duplicate-appendix.ts';
import docNoEdition from './doc-no-edition.ts';
import registryDuplicateId from './registry-duplicate-id.ts';
import registryUnknownParent from './registry-unknown-parent.ts';
import registryRoleDefinedOnce from './registry-role-defined-once.ts';
import registrySynonym from './registry-synonym.ts';
import registryLegacyUrl from './registry-legacy-url.ts';
import standardClauseTree from './standard-clause-tree.ts';
import standardExternalControl from './standard-external-control.ts';
import refUnknownCode from './ref-unknown-code.ts';
import refLatinCode from './ref-latin-code.ts';
import refMalformedCode from './ref-malformed-code.ts';
import refTypeWord from './ref-type-word.ts';
import refUnknownStandard from './ref-unknown-standard.ts';
import refUnknownClause from './ref-unknown-clause.ts';
import refUnverifiedClause from './ref-unverified-clause.ts';
import refWithdrawnStandard from './ref-withdrawn-standard.ts';
import refUnknownAppendix from './ref-unknown-appendix.ts';
import refAppendixTitle from './ref-appendix-title.ts';
import refUnknownRole from './ref-unknown-role.ts';
import refUnknownUnit from './ref-unknown-unit.ts';
import refUnknownAccess from './ref-unknown-access.ts';
import refBrokenLink from './ref-broken-link.ts';
import refInvisibleCharacter from './ref-invisible-character.ts';
import refSuspect from './ref-suspect.ts';
import mdxForbiddenCode from './mdx-forbidden-code.ts';
import editionOneInForce from './edition-one-in-force.ts';
import editionOrder from './edition-order.ts';
import editionEffectiveAfterApproval from './edition-effective-after-approval.ts';
import editionStatus from './edition-status.ts';
import editionCitesCancelled from './edition-cites-cancelled.ts';
import editionReplacement from './edition-replacement.ts';
import editionReviewDue from './edition-review-due.ts';
import editionReviewOverdue from './edition-review-overdue.ts';
import editionAcknowledge from './edition-acknowledge.ts';
import auditUnknownRef from './audit-unknown-ref.ts';
import auditPlanInProgram from './audit-plan-in-program.ts';
import auditIndependence from './audit-independence.ts';
import auditTeamInRegistry from './audit-team-in-registry.ts';
import auditTeamLeaderRole from './audit-team-leader-role.ts';
import auditFindingRequirement from './audit-finding-requirement.ts';
import auditNonconformityAction from './audit-nonconformity-action.ts';
import auditOverdueAction from './audit-overdue-action.ts';
import auditClauseCoverage from './audit-clause-coverage.ts';
import auditRetention from './audit-retention.ts';
import qualityRequirementRefs from './quality-requirement-refs.ts';
import refUnknownPrinciple from './ref-unknown-principle.ts';
import refPrincipleWording from './ref-principle-wording.ts';
import qualityQmsMapCoverage from './quality-qms-map-coverage.ts';
import type { Rule } from '../rule.ts';

/**
 * Every rule of the checker, one module per id, in the order reports list them. `check()` runs this
 * list and nothing else; a new rule is a new module plus one line here.
 */
export const RULES = [
  syntaxFile,
  syntaxYaml,
  syntaxFrontmatter,
  syntaxMdx,
  syntaxJson,
  schemaInvalid,
  schemaRef,
  contentUnknownFile,
  docCodeFolder,
  docCodeConsistent,
  docDuplicateCode,
  docDuplicateVersion,
  docUnknownType,
  docDuplicateAppendix,
  docNoEdition,
  registryDuplicateId,
  registryUnknownParent,
  registryRoleDefinedOnce,
  registrySynonym,
  registryLegacyUrl,
  standardClauseTree,
  standardExternalControl,
  refUnknownCode,
  refLatinCode,
  refMalformedCode,
  refTypeWord,
  refUnknownStandard,
  refUnknownClause,
  refUnverifiedClause,
  refWithdrawnStandard,
  refUnknownAppendix,
  refAppendixTitle,
  refUnknownRole,
  refUnknownUnit,
  refUnknownAccess,
  refBrokenLink,
  refInvisibleCharacter,
  refSuspect,
  refUnknownPrinciple,
  refPrincipleWording,
  mdxForbiddenCode,
  editionOneInForce,
  editionOrder,
  editionEffectiveAfterApproval,
  editionStatus,
  editionCitesCancelled,
  editionReplacement,
  editionReviewDue,
  editionReviewOverdue,
  editionAcknowledge,
  auditUnknownRef,
  auditPlanInProgram,
  auditIndependence,
  auditTeamInRegistry,
  auditTeamLeaderRole,
  auditFindingRequirement,
  auditNonconformityAction,
  auditOverdueAction,
  auditClauseCoverage,
  auditRetention,
  qualityRequirementRefs,
  qualityQmsMapCoverage,
] as const satisfies readonly Rule[];

/** A rule id: `ref/unknown-code`, `syntax/yaml`… Typed from the list, so an id outside it does not compile. */
export type RuleId = (typeof RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, Rule<RuleId>> = new Map(RULES.map((rule) => [rule.id, rule]));

export const isRuleId = (id: string): id is RuleId => BY_ID.has(id);

export const ruleById = (id: RuleId): Rule<RuleId> => BY_ID.get(id)!;
