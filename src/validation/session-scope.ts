import type { RuleId } from './rules/index.ts';

/*
 * Which findings an edit can change, by rule: what lets CheckSession re-run only part of the rules
 * after an edit. A rule in none of these lists re-runs on the whole corpus after every change.
 */

/**
 * Rules whose findings in a document's files depend only on that document, the documents it cites, the
 * policies (documents that define principles), the JSON data (registries, standards, records) and what
 * the lookup holds of other documents. After an edit of one
 * document they re-run on that document (and on those that cite it, when what others see of it changed),
 * with the documents it cites beside it. A rule not listed here re-runs on the whole corpus after every change.
 */
export const DOCUMENT_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'doc/code-folder',
  'doc/code-consistent',
  'doc/duplicate-version',
  'doc/version-file',
  'doc/duplicate-appendix',
  'doc/no-edition',
  'doc/unknown-type',
  'edition/one-in-force',
  'edition/order',
  'edition/effective-after-approval',
  'edition/status',
  'edition/cites-cancelled',
  'edition/replacement',
  'edition/review-due',
  'edition/review-overdue',
  'ref/unknown-code',
  'ref/latin-code',
  'ref/unknown-standard',
  'ref/unknown-clause',
  'ref/unverified-clause',
  'ref/withdrawn-standard',
  'ref/unknown-appendix',
  'ref/appendix-title',
  'ref/unknown-role',
  'ref/unknown-unit',
  'ref/unknown-access',
  'ref/broken-link',
  'ref/image',
  'ref/invisible-character',
  'ref/suspect',
  'ref/unknown-principle',
  'ref/principle-wording',
  'mdx/forbidden-code',
  'mdx/unknown-attribute',
  'mdx/attribute-value',
  'mdx/component-children',
  'mdx/empty-element',
  'mdx/table-cells',
  'ref/footnote',
  'ref/link-label',
]);

/** Document rules that look a cited document up in the document list (not in the lookup): they run with the cited ones beside. */
export const CITED_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['ref/suspect']);

/**
 * Rules that read only the JSON data and the set of document codes: an edit of a document's text or
 * frontmatter that keeps every code does not change their findings, so they re-run only when a JSON
 * file changes or a document appears, disappears or changes its code.
 */
export const DATA_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'schema/ref',
  'registry/duplicate-id',
  'registry/unknown-parent',
  'registry/role-defined-once',
  'registry/synonym',
  'standard/clause-tree',
  'standard/external-control',
  'audit/unknown-ref',
  'audit/plan-in-program',
  'audit/independence',
  'audit/team-in-registry',
  'audit/team-leader-role',
  'audit/finding-requirement',
  'audit/nonconformity-action',
  'audit/overdue-action',
  'audit/clause-coverage',
  'audit/retention',
  'quality/requirement-refs',
  'quality/qms-map-coverage',
]);
