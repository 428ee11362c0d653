/**
 * The common intermediate model every reader produces: blocks of text, each with the place in the
 * input it came from, so every later step can say where a removal or a guess came from.
 */

/** A run of inline text; emphasis is the only formatting an import keeps. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An https or mailto address the text links to (other links are reported and kept as text). */
  href?: string;
  /** A footnote call: written `[^label]` before the run's text, its note a paragraph with this `footnote`. */
  footnote?: string;
}

/** Where a block came from: a line of a text/HTML/PDF input, or a paragraph ordinal of a DOCX. */
export interface Origin {
  line: number;
  page?: number;
}

export interface ListItem {
  inlines: Inline[];
  depth: number;
}

export type Block = Origin &
  (
    | { kind: 'heading'; level: number; inlines: Inline[] }
    /** With `footnote`: the text of that footnote (`[^label]: …`), written where it stands, at the end. */
    | { kind: 'paragraph'; inlines: Inline[]; footnote?: string }
    | { kind: 'list'; ordered: boolean; items: ListItem[] }
    | { kind: 'table'; rows: string[][] }
    /** Where the reader or the artefact step removed a page header/footer or a page boundary. */
    | { kind: 'break' }
    /** A content component that renders this part from data (`<RolesTable document="ПТ-035" />`). */
    | { kind: 'component'; name: string; props: Record<string, string> }
  );

/** Something taken out of the input, listed in the report so nothing disappears unseen. */
export interface Removal extends Origin {
  text: string;
  reason: string;
}

/** What a reader hands on: blocks, what it already removed, and how to name a place in the input. */
export interface SourceDocument {
  format: 'docx' | 'odt' | 'doc' | 'rtf' | 'html' | 'pdf' | 'text';
  blocks: Block[];
  removals: Removal[];
  /** `строка` for line-based inputs, `абзац` for DOCX. */
  unit: 'строка' | 'абзац';
  /** The document's properties (DOCX: the title, and custom ones such as «Код документа»): recognise/properties.ts. */
  properties?: DocumentProperty[];
  /** Page headers and footers (DOCX parts, or PDF lines repeated across pages): where a code may stand. */
  running?: Array<{ kind: 'верхний колонтитул' | 'нижний колонтитул' | 'колонтитул'; text: string }>;
}

/** Form check boxes, whatever glyph or markup the export used, become this marker while reading. */
export const CHECKBOX = '\u2610';
/** Follows CHECKBOX when the box was ticked (`<input checked>`, ☒, ☑, Word's checked form field). */
export const CHECKED = '\u2612';

export const plain = (inlines: Inline[]) => inlines.map((i) => i.text).join('');

export const blockText = (block: Block): string => {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return plain(block.inlines);
    case 'list':
      return block.items.map((i) => plain(i.inlines)).join('\n');
    case 'table':
      return block.rows.map((r) => r.join('\t')).join('\n');
    default:
      return '';
  }
};

/** Human place of an origin for the report: «строка 12», «с. 2, строка 40», «абзац 7». */
export const where = (origin: Origin, unit: SourceDocument['unit']) =>
  origin.line === 0 && !origin.page ? 'вне текста' : `${origin.page ? `с. ${origin.page}, ` : ''}${unit} ${origin.line}`;

/** A property of the document file: its name as the author sees it («Код документа», «Название») and its value. */
export interface DocumentProperty {
  name: string;
  value: string;
}
