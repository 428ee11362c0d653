import type { Passport } from '../../schemas/document.ts';
import { blockText, type Block, type Removal, type SourceDocument } from '../blocks.ts';
import { vocabulary } from '../headings.ts';
import type { Registries } from '../registries.ts';

/** A field taken from the input, and where from. */
export interface Mapped {
  field: string;
  value: string;
  source: string;
}
/** A value the importer could not read exactly: its guess and the original text. */
export interface Guess {
  field: string;
  value: string;
  original: string;
  reason: string;
}

export interface Recognition {
  code?: string;
  /** Where the code was found: «верхний колонтитул», «таблица паспорта», «заголовок», «имя файла», «--code». */
  codeSource?: string;
  /** No code of a registered type, but one of another prefix where a code stands (recognise/code.ts). */
  unregisteredCode?: FoundCode & { known: string[] };
  version?: string;
  approved?: string;
  effective?: string;
  act?: string;
  title?: string;
  access?: string;
  passport: Partial<Passport>;
  references: Array<{ cite: string; title?: string }>;
  roles: Array<{ name: string; definition: string; line: number }>;
  terms: Array<{ term: string; definition: string; line: number }>;
  appendices: Array<{ number: number; title: string; blocks: Block[] }>;
  body: Block[];
  mapped: Mapped[];
  guessed: Guess[];
  dropped: Removal[];
}

/** The part of the source document the blocks being read belong to. */
export type Section = 'title' | 'passport' | 'scope' | 'terms' | 'references' | 'other';

/** A code seen in the input, and where; the surest one becomes the document's code (see code.ts). */
export interface FoundCode {
  code: string;
  source: string;
}

/** More blocks than a title page holds: a document whose first styled heading comes late (or last). */
export const TITLE_PAGE_BLOCKS = 15;

/** One recognition under way: the input, the result so far, and where in the document the reader stands. */
export interface Recogniser {
  readonly doc: SourceDocument;
  readonly registries: Registries;
  /** Code prefixes and names of the registry's document types. */
  readonly prefixes: string[];
  readonly typeNames: string[];
  /** Words of the document as written, and its text without headings: what a heading's case is restored from. */
  readonly words: Map<string, string>;
  readonly bodyText: string;
  readonly firstHeading: number;
  readonly result: Recognition;
  readonly found: FoundCode[];
  section: Section;
  /** Where body blocks go: the body, or the appendix being read. */
  target: Block[];
  /** The scope section's «наименование подразделения» header line has been read: the lines after it are units. */
  scopeHeader: boolean;
  rolesPlaced: boolean;
  codeHeading: boolean;
  referencesPlaced: boolean;
  /** The title page has ended before the first heading: the text began (title-page.ts). */
  textBegun: boolean;
}

export function startRecognition(doc: SourceDocument, registries: Registries, found: FoundCode[]): Recogniser {
  const result: Recognition = {
    ...(found[0] ? { code: found[0].code } : {}),
    passport: {},
    references: [],
    roles: [],
    terms: [],
    appendices: [],
    body: [],
    mapped: [],
    guessed: [],
    dropped: [],
  };
  const firstHeading = doc.blocks.findIndex((b) => b.kind === 'heading');
  return {
    doc,
    registries,
    prefixes: registries.types.map((t) => t.prefix),
    typeNames: registries.types.map((t) => t.name),
    words: vocabulary(doc.blocks),
    bodyText: doc.blocks
      .filter((b) => b.kind !== 'heading')
      .map(blockText)
      .join('\n'),
    firstHeading,
    result,
    found,
    section: firstHeading > 0 ? 'title' : 'other',
    target: result.body,
    scopeHeader: false,
    rolesPlaced: false,
    codeHeading: false,
    referencesPlaced: false,
    // More blocks before the first heading than a title page holds: they are read as a title page (a title,
    // an approval, passport fields are taken) but none is dropped as its furniture.
    textBegun: firstHeading > TITLE_PAGE_BLOCKS,
  };
}

/** Where a block stands in the input, for the report: «с. 2, строка 14». */
export const at = (rec: Recogniser, b: { line: number; page?: number }) => `${b.page ? `с. ${b.page}, ` : ''}${rec.doc.unit} ${b.line}`;

/** Leaves a block out of the result, with the reason the report gives (and, for a part of it, what was left out). */
export const drop = (rec: Recogniser, b: Block, reason: string, text = blockText(b).replace(/\s+/g, ' ').slice(0, 300)) =>
  rec.result.dropped.push({ line: b.line, ...(b.page ? { page: b.page } : {}), text, reason });
