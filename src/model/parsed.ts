import type { Root } from 'mdast';
import type { VFile } from 'vfile';

/**
 * What a content file is once read: its data, where each of its fields is, and what its MDX body
 * references, heads and runs. The shapes only; src/analysis reads files into them.
 */

export type FieldPath = ReadonlyArray<string | number>;

/** Finds where a field path is in a source, as an offset into the whole file. */
export interface Locator {
  offsetOf(path: FieldPath): number;
}

/** A problem found while reading a file, before any rule runs. */
export interface ParseProblem {
  ruleId: 'syntax/yaml' | 'syntax/mdx' | 'syntax/json' | 'syntax/frontmatter';
  offset?: number;
  place?: { line: number; column: number };
  reason: string;
}

export interface ParsedMdx {
  file: VFile;
  /** Frontmatter data as plain JS, or undefined when it could not be read. */
  data: unknown;
  locate: Locator;
  /** References, headings and code found in the body; null when the body is not valid MDX. */
  extracted: Extracted | null;
  /** The MDX tree, parsed on first use (analyses from workers or the cache carry none). */
  readonly tree: Root | null;
  problems: ParseProblem[];
}

/** An invisible or format character inside a reference, by its offset in the file. */
export interface HiddenChar {
  offset: number;
  char: string;
}

/**
 * A reference found in prose or markup, with its offset in the file. Prose is read without
 * invisible characters, so they never hide a reference; those inside one are kept in `hidden`.
 */
export type ProseRef = (
  | { kind: 'code'; raw: string; prefix: string; number: string; offset: number }
  /** Letters, a hyphen and a number of other than three digits («ПТ-35», «ПТ-0353»): a code mistyped, judged by `ref/malformed-code`. */
  | { kind: 'malformed-code'; raw: string; prefix: string; number: string; offset: number }
  | { kind: 'standard'; raw: string; designation: string; clause?: string; offset: number }
  | { kind: 'clause'; raw: string; clause: string; offset: number }
  /** «Приложение 3 «…»», of the citing document, or of another one: «… к ПТ-035» (`document`). */
  | { kind: 'appendix'; raw: string; number: number; title?: string; document?: string; offset: number }
  | { kind: 'role' | 'term'; raw: string; id: string; offset: number }
  | { kind: 'link'; raw: string; url: string; offset: number }
  /** `![подпись](адрес)`: judged by `ref/image` (the page must be able to show it). */
  | { kind: 'image'; raw: string; url: string; offset: number }
) & { hidden?: HiddenChar[] };

export interface HeadingInfo {
  slug: string;
  text: string;
  depth: number;
  offset: number;
}

/** Code that MDX would run at build time: imports/exports and `{…}` expressions. */
export interface CodeNode {
  kind: 'esm' | 'expression' | 'jsx';
  value: string;
  name?: string;
  offset: number;
  /** Literal attributes of a JSX element (expression attributes are separate `expression` nodes). */
  attributes?: Array<{ name: string; value: string | null; offset: number }>;
  /** A JSX element with something between its tags (text or elements, not only spaces): where it starts. */
  childrenAt?: number;
}

/** A piece of MDX that would run code at build time or in the reader's browser. */
export interface Containment {
  offset: number;
  reason: string;
}

export interface Extracted {
  refs: ProseRef[];
  /** Text quoted «…» in prose, for rules that compare quoted wording with its source. */
  quotes: Array<{ text: string; offset: number }>;
  headings: HeadingInfo[];
  code: CodeNode[];
  /** What of `code` content may not contain (mdx/forbidden-code); the build refuses a text with any. */
  containment: Containment[];
  /** Marks the reader would see wrong or not at all: footnotes, unresolved link labels, empty headings and links. */
  marks: StructureMark[];
}

/**
 * `footnote-call` `[^1]` and `footnote-definition` `[^1]: …` (a definition no call names is not
 * published); `unresolved-footnote` and `unresolved-link` (`[текст][r1]` without `[r1]: …`) are
 * published as they are written, brackets and all; `empty-heading` and `empty-link` show nothing; a
 * `table-extra-cell` (a row with more cells than the header has columns) is not published.
 */
export interface StructureMark {
  kind: 'footnote-call' | 'footnote-definition' | 'unresolved-footnote' | 'unresolved-link' | 'empty-heading' | 'empty-link' | 'table-extra-cell';
  /** The footnote's or link's label as written; a table's extra cell: its text. */
  label?: string;
  /** A table's extra cell: how many columns the table has, and which one (1-based) the cell would be. */
  columns?: number;
  column?: number;
  offset: number;
}
