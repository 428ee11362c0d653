import syntaxFile from './syntax/file/rule.ts';
import syntaxYaml from './syntax/yaml/rule.ts';
import syntaxFrontmatter from './syntax/frontmatter/rule.ts';
import syntaxMdx from './syntax/mdx/rule.ts';
import syntaxJson from './syntax/json/rule.ts';
import schemaInvalid from './schema/invalid/rule.ts';
import schemaRef from './schema/ref/rule.ts';
import contentUnknownFile from './content/unknown-file/rule.ts';
import docCodeFolder from './doc/code-folder/rule.ts';
import docCodeConsistent from './doc/code-consistent/rule.ts';
import docDuplicateCode from './doc/duplicate-code/rule.ts';
import docDuplicateVersion from './doc/duplicate-version/rule.ts';
import docVersionFile from './doc/version-file/rule.ts';
import docUnknownType from './doc/unknown-type/rule.ts';
import docDuplicateAppendix from './doc/duplicate-appendix/rule.ts';
import docNoEdition from './doc/no-edition/rule.ts';
import registryDuplicateId from './registry/duplicate-id/rule.ts';
import registryUnknownParent from './registry/unknown-parent/rule.ts';
import registryRoleDefinedOnce from './registry/role-defined-once/rule.ts';
import registrySynonym from './registry/synonym/rule.ts';
import registryLegacyUrl from './registry/legacy-url/rule.ts';
import standardClauseTree from './standard/clause-tree/rule.ts';
import standardExternalControl from './standard/external-control/rule.ts';
import refUnknownCode from './ref/unknown-code/rule.ts';
import refLatinCode from './ref/latin-code/rule.ts';
import refMalformedCode from './ref/malformed-code/rule.ts';
import refTypeWord from './ref/type-word/rule.ts';
import refUnknownStandard from './ref/unknown-standard/rule.ts';
import refUnknownClause from './ref/unknown-clause/rule.ts';
import refUnverifiedClause from './ref/unverified-clause/rule.ts';
import refWithdrawnStandard from './ref/withdrawn-standard/rule.ts';
import refUnknownAppendix from './ref/unknown-appendix/rule.ts';
import refAppendixTitle from './ref/appendix-title/rule.ts';
import refUnknownRole from './ref/unknown-role/rule.ts';
import refUnknownUnit from './ref/unknown-unit/rule.ts';
import refUnknownAccess from './ref/unknown-access/rule.ts';
import refBrokenLink from './ref/broken-link/rule.ts';
import refInvisibleCharacter from './ref/invisible-character/rule.ts';
import refImage from './ref/image/rule.ts';
import refSuspect from './ref/suspect/rule.ts';
import mdxForbiddenCode from './mdx/forbidden-code/rule.ts';
import mdxUnknownAttribute from './mdx/unknown-attribute/rule.ts';
import mdxAttributeValue from './mdx/attribute-value/rule.ts';
import mdxComponentChildren from './mdx/component-children/rule.ts';
import mdxEmptyElement from './mdx/empty-element/rule.ts';
import mdxTableCells from './mdx/table-cells/rule.ts';
import refFootnote from './ref/footnote/rule.ts';
import refLinkLabel from './ref/link-label/rule.ts';
import editionOneInForce from './edition/one-in-force/rule.ts';
import editionOrder from './edition/order/rule.ts';
import editionEffectiveAfterApproval from './edition/effective-after-approval/rule.ts';
import editionStatus from './edition/status/rule.ts';
import editionCitesCancelled from './edition/cites-cancelled/rule.ts';
import editionReplacement from './edition/replacement/rule.ts';
import editionReviewDue from './edition/review-due/rule.ts';
import editionReviewOverdue from './edition/review-overdue/rule.ts';
import editionAcknowledge from './edition/acknowledge/rule.ts';
import auditUnknownRef from './audit/unknown-ref/rule.ts';
import auditPlanInProgram from './audit/plan-in-program/rule.ts';
import auditIndependence from './audit/independence/rule.ts';
import auditTeamInRegistry from './audit/team-in-registry/rule.ts';
import auditTeamLeaderRole from './audit/team-leader-role/rule.ts';
import auditFindingRequirement from './audit/finding-requirement/rule.ts';
import auditNonconformityAction from './audit/nonconformity-action/rule.ts';
import auditOverdueAction from './audit/overdue-action/rule.ts';
import auditClauseCoverage from './audit/clause-coverage/rule.ts';
import auditRetention from './audit/retention/rule.ts';
import qualityRequirementRefs from './quality/requirement-refs/rule.ts';
import refUnknownPrinciple from './ref/unknown-principle/rule.ts';
import refComponentDocument from './ref/component-document/rule.ts';
import refPrincipleWording from './ref/principle-wording/rule.ts';
import qualityQmsMapCoverage from './quality/qms-map-coverage/rule.ts';
import type { Rule } from '../rule.ts';

/**
 * Every rule of the checker, in the order reports list them: one unit folder per id, `<group>/<name>/`
 * with `rule.ts`, its `pass/` and `fail/` fixtures and `expected.txt` (see ../rule-units.ts). `check()`
 * runs this list and nothing else; a new rule is a new unit plus one line here (a test holds the
 * folders and this list together).
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
  docVersionFile,
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
  refLinkLabel,
  refFootnote,
  refImage,
  refInvisibleCharacter,
  refSuspect,
  refUnknownPrinciple,
  refPrincipleWording,
  refComponentDocument,
  mdxForbiddenCode,
  mdxUnknownAttribute,
  mdxAttributeValue,
  mdxComponentChildren,
  mdxEmptyElement,
  mdxTableCells,
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
