/**
 * Where each kind of content lives under the content root. One table, read by the loader,
 * the checker and the scaffolding; a file that matches nothing is reported, never ignored.
 */
export interface FileKind {
  kind: string;
  /** Matched against the path relative to the content root, with `/` separators. */
  pattern: RegExp;
  format: 'mdx' | 'json';
  /** JSON Schema file (under `schemas/`) a JSON file of this kind names in `$schema`. */
  schema?: string;
  /** Human description for the «unknown file» hint. */
  where: string;
}

export const FILE_KINDS: readonly FileKind[] = [
  { kind: 'edition', pattern: /^documents\/[a-z0-9-]+\/editions\/[^/]+\.mdx$/, format: 'mdx', where: 'documents/<код>/editions/<редакция>.mdx' },
  { kind: 'appendix', pattern: /^documents\/[a-z0-9-]+\/appendices\/[^/]+\.mdx$/, format: 'mdx', where: 'documents/<код>/appendices/<номер>.mdx' },
  {
    kind: 'document-types',
    pattern: /^registries\/document-types\.json$/,
    format: 'json',
    schema: 'document-types.schema.json',
    where: 'registries/document-types.json',
  },
  { kind: 'units', pattern: /^registries\/units\.json$/, format: 'json', schema: 'units.schema.json', where: 'registries/units.json' },
  { kind: 'roles', pattern: /^registries\/roles\.json$/, format: 'json', schema: 'roles.schema.json', where: 'registries/roles.json' },
  { kind: 'terms', pattern: /^registries\/terms\.json$/, format: 'json', schema: 'terms.schema.json', where: 'registries/terms.json' },
  {
    kind: 'legacy-urls',
    pattern: /^registries\/legacy-urls\.json$/,
    format: 'json',
    schema: 'legacy-urls.schema.json',
    where: 'registries/legacy-urls.json',
  },
  { kind: 'synonyms', pattern: /^registries\/synonyms\.json$/, format: 'json', schema: 'synonyms.schema.json', where: 'registries/synonyms.json' },
  {
    kind: 'access-levels',
    pattern: /^registries\/access-levels\.json$/,
    format: 'json',
    schema: 'access-levels.schema.json',
    where: 'registries/access-levels.json',
  },
  { kind: 'standard', pattern: /^standards\/[a-z0-9-]+\.json$/, format: 'json', schema: 'standard.schema.json', where: 'standards/<обозначение>.json' },
  {
    kind: 'quality-standard',
    pattern: /^quality-standards\/[a-z0-9-]+\.json$/,
    format: 'json',
    schema: 'quality-standard.schema.json',
    where: 'quality-standards/<id>.json',
  },
  { kind: 'qms-map', pattern: /^quality\/qms-map\.json$/, format: 'json', schema: 'qms-map.schema.json', where: 'quality/qms-map.json' },
  { kind: 'auditors', pattern: /^audits\/auditors\.json$/, format: 'json', schema: 'auditors.schema.json', where: 'audits/auditors.json' },
  { kind: 'audit-program', pattern: /^audits\/\d{4}\/program\.json$/, format: 'json', schema: 'audit-program.schema.json', where: 'audits/<год>/program.json' },
  {
    kind: 'audit-plan',
    pattern: /^audits\/\d{4}\/plans\/[a-z0-9-]+\.json$/,
    format: 'json',
    schema: 'audit-plan.schema.json',
    where: 'audits/<год>/plans/<аудит>.json',
  },
  {
    kind: 'audit-report',
    pattern: /^audits\/\d{4}\/reports\/[a-z0-9-]+\.json$/,
    format: 'json',
    schema: 'audit-report.schema.json',
    where: 'audits/<год>/reports/<аудит>.json',
  },
  {
    kind: 'corrective-actions',
    pattern: /^audits\/\d{4}\/actions\/[a-z0-9-]+\.json$/,
    format: 'json',
    schema: 'corrective-actions.schema.json',
    where: 'audits/<год>/actions/<аудит>.json',
  },
  {
    kind: 'improvement-proposals',
    pattern: /^audits\/\d{4}\/improvements\/[a-z0-9-]+\.json$/,
    format: 'json',
    schema: 'improvement-proposals.schema.json',
    where: 'audits/<год>/improvements/<аудит>.json',
  },
];

export function classify(relPath: string): FileKind | undefined {
  return FILE_KINDS.find((kind) => kind.pattern.test(relPath));
}

/**
 * The path a file of no kind was most likely meant to have: the same in lower case, without an extension
 * added after the right one, `.md` for `.mdx` (`editions/1.0.MDX`, `Editions/1.0.mdx`, `1.0.mdx.txt`,
 * `1.0.md` → `editions/1.0.mdx`). The checker names it in its error and counts the file as what it was
 * meant to be, so that the rest of the corpus does not report its absence as well.
 */
export function meantPath(rel: string): string | undefined {
  const lower = rel.toLowerCase();
  const trimmed = lower.replace(/(\.(?:mdx|json))(?:\.[^/.]+)+$/, '$1');
  for (const candidate of [lower, trimmed, trimmed.replace(/\.(?:md|markdown)$/, '.mdx')]) if (candidate !== rel && classify(candidate)) return candidate;
  return undefined;
}
