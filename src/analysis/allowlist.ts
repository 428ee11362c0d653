/**
 * What MDX content may use. Content components are provided to every MDX page by the layout,
 * so content needs no imports; an import is accepted only from CONTENT_MODULE and only for these names.
 */
export const CONTENT_COMPONENTS = [
  'Role',
  'Term',
  'RolesTable',
  'NormativeReferences',
  'Note',
  'QualityStandards',
  'AuditTemplates',
  'QmsMap',
  'AuditLinks',
  'Principles',
] as const;

export type ContentComponent = (typeof CONTENT_COMPONENTS)[number];

const COMPONENT_NAMES: ReadonlySet<string> = new Set(CONTENT_COMPONENTS);
/** Whether a JSX name (or an imported one) is a content component. */
export const isContentComponent = (name: string | undefined): name is ContentComponent => name !== undefined && COMPONENT_NAMES.has(name);

/**
 * The attributes each content component reads (src/render/components.ts, src/components/content/):
 * any other would be dropped without a word, so the check names it (`mdx/unknown-attribute`).
 */
export const COMPONENT_ATTRIBUTES: Record<ContentComponent, readonly string[]> = {
  Role: ['id'],
  Term: ['id'],
  RolesTable: ['document'],
  NormativeReferences: ['document'],
  Note: ['title'],
  QualityStandards: [],
  AuditTemplates: [],
  QmsMap: [],
  AuditLinks: ['kind'],
  Principles: ['group', 'document'],
};

/**
 * Content components that show their text: a role or a term named in prose, a note. Every other one is
 * built from data, and text written between its tags would be dropped (`mdx/component-children`).
 */
export const COMPONENTS_WITH_TEXT: ReadonlySet<ContentComponent> = new Set<ContentComponent>(['Role', 'Term', 'Note']);

/** The records `<AuditLinks kind="…">` lists; without `kind`, all of them. */
export const AUDIT_LINK_KINDS = ['program', 'plan', 'report', 'actions'] as const;
export type AuditLinkKind = (typeof AUDIT_LINK_KINDS)[number];

/**
 * Attributes that take one of a few values, by component (`mdx/attribute-value`); any other would show
 * nothing. Principles' `group` is ref/unknown-principle's, which also knows what each group holds.
 */
export const COMPONENT_ATTRIBUTE_VALUES: Partial<Record<ContentComponent, Record<string, readonly string[]>>> = {
  AuditLinks: { kind: AUDIT_LINK_KINDS },
};

export const CONTENT_MODULE = '@nd/content';

/** Plain HTML elements content may write; anything else (script, iframe, style, object…) is refused. */
export const HTML_ELEMENTS = new Set([
  'abbr',
  'b',
  'br',
  'em',
  'i',
  'kbd',
  'mark',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
  'div',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'ol',
  'li',
  'a',
]);
