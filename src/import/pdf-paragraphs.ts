import type { Removal } from './blocks.ts';
import { mode, type PdfLine } from './pdf-lines.ts';
import { PAGE_BREAK, type SourceLine } from './read-text.ts';

/**
 * Regroups lines into one line per paragraph, list item, table row or heading: lines join while the
 * previous one runs to the right margin and the gap is a line's; a paragraph goes on across a page
 * break when its last line was full; headings by font size, or by numbering on a line of their own
 * at the margin; list items by their marker and indentation; table rows by their columns, a cell's
 * further lines joined to the cell above.
 */
export function paragraphs(pages: PdfLine[][], removals: Removal[]): SourceLine[] {
  const g: Grouping = { layout: measureLayout(pages), removals, out: [] };
  removeTableOfContents(pages, removals);
  for (const [p, page] of pages.entries()) {
    let prev: PdfLine | undefined;
    for (const [i, l] of page.entries()) {
      // A paragraph whose last line ran full goes on at the top of the next page.
      const pageTurn = i === 0 && p > 0;
      addLine(g, l, pageTurn, prev ? prev.y - l.y : 0);
      prev = l;
    }
  }
  close(g);
  return joinTwoLineHeadings(g.out);
}

/** The measures of the whole document the grouping compares lines with. */
interface Layout {
  /** Body font size, and heading sizes largest first. */
  body: number;
  headingSizes: number[];
  /** The usual distance between two lines of a paragraph. */
  lineGap: number;
  /** The text's left and right margins. */
  left: number;
  right: number;
  /** The whole text: a hyphenated compound seen elsewhere keeps its hyphen. */
  vocabulary: string;
}

/** The block being built, and what the next line is compared with. */
interface Open {
  line: SourceLine;
  kind: 'paragraph' | 'heading' | 'item' | 'row';
  lines: number;
  last: PdfLine;
  columns?: number[];
  cells?: string[];
  /** Right edge of each cell's last line: a line that ran to the next column wrapped, a short one ended a paragraph. */
  rights?: number[];
}

interface Grouping {
  readonly layout: Layout;
  readonly removals: Removal[];
  readonly out: SourceLine[];
  current?: Open;
}

const isHeadingSize = (size: number, body: number) => size > body * 1.12;
const LIST_ITEM = /^(?:[•·▪◦‣–—*-]|\d{1,2}[.)]|[а-яa-z]\))\s+\S/;
const NUMBERED = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\S/;
const OPENS_BLOCK = /^(?:УТВЕРЖДЕН|СОГЛАСОВАН)/;
/** A clause number of several levels («1.2.», «4.3.1»): it starts a clause, unless the line before cites it («согласно п.»). */
const CLAUSE = /^\d{1,2}(?:\.\d{1,2})+\.?\s+\S/;
const CITES = /(?:^|\s)(?:п|пп|пункт[а-я]*|подпункт[а-я]*|раздел[а-я]*|разд)\.?$/i;
const opensClause = (text: string, before: string) => CLAUSE.test(text) && !CITES.test(before);

function measureLayout(pages: PdfLine[][]): Layout {
  const all = pages.flat();
  const sizes = all.map((l) => Math.round(l.size * 10) / 10);
  const body = mode(sizes);
  const gaps: number[] = [];
  for (const page of pages) for (let i = 1; i < page.length; i++) gaps.push(Math.round(page[i - 1]!.y - page[i]!.y));
  return {
    body,
    headingSizes: [...new Set(sizes.filter((s) => isHeadingSize(s, body)))].sort((a, b) => b - a),
    lineGap: mode(gaps.filter((g) => g >= body * 0.9 && g <= body * 1.6)) || body * 1.2,
    left: Math.min(...all.map((l) => l.x)),
    right: Math.max(...all.map((l) => l.right)),
    vocabulary: all.map((l) => l.text).join('\n'),
  };
}

/** A table of contents: its title and the lines that end in a page number after it. */
function removeTableOfContents(pages: PdfLine[][], removals: Removal[]) {
  for (const page of pages) {
    const at = page.findIndex((l) => /^(содержание|оглавление)$/i.test(l.text.trim()));
    if (at < 0) continue;
    let end = at + 1;
    while (end < page.length && /\S[\s.…\t]*\d{1,4}$/.test(page[end]!.text) && !/^\d{1,4}$/.test(page[end]!.text)) end += 1;
    if (end === at + 1) continue;
    for (const l of page.splice(at, end - at))
      removals.push({ line: l.line, page: l.page, text: l.text.replace(/\t/g, ' '), reason: 'оглавление: портал строит оглавление сам' });
  }
}

/** A line ended its paragraph when the next line's first word would have fitted after it. */
const wrapsTo = (end: number, edge: number, next: string, size: number) => edge - end < ((next.split(/\s/)[0]?.length ?? 0) + 1) * size * 0.5;
const full = (layout: Layout, l: PdfLine, next?: PdfLine) =>
  next ? wrapsTo(l.right, layout.right, next.text, next.size) : l.right >= layout.right - l.size * 3;

/** One line: a page break before it when a page turns mid-document, then the line goes on a cell, starts a row, or starts or joins a block. */
function addLine(g: Grouping, l: PdfLine, pageTurn: boolean, gap: number) {
  const { layout } = g;
  const heading = isHeadingSize(l.size, layout.body);
  const row = l.cells.length > 1;
  const current = g.current;
  if (pageTurn && !(current?.kind === 'paragraph' && full(layout, current.last, l) && !heading && !row && !LIST_ITEM.test(l.text))) {
    close(g);
    g.out.push({ text: PAGE_BREAK, line: l.line, page: l.page });
  }
  if (g.current?.kind === 'row' && !row && !heading && gap <= layout.lineGap * 1.4 && addToCell(g.current, l, layout)) return;
  if (row) addRow(g, l, gap);
  else startOrJoin(g, l, heading, pageTurn, gap);
}

/** A further line of a table cell: one cell, under a column of the row above. False when it stands under no column. */
function addToCell(current: Open, l: PdfLine, layout: Layout): boolean {
  const column = current.columns!.findIndex((x) => Math.abs(x - l.x) < 3);
  if (column < 0) return false;
  const edge = current.columns![column + 1] ?? layout.right;
  const wrapped = wrapsTo(current.rights![column] ?? 0, edge - l.size, l.text, l.size);
  current.cells![column] = current.cells![column] ? `${current.cells![column]}${wrapped ? ' ' : '\n'}${l.text}` : l.text;
  current.rights![column] = l.right;
  current.last = l;
  return true;
}

/** A line of several cells: the row above wrapped onto it, or a new row (its columns merged with the row above when it goes on). */
function addRow(g: Grouping, l: PdfLine, gap: number) {
  const current = g.current;
  const continues = current?.kind === 'row' && gap <= g.layout.lineGap * 2.2;
  const columns = [...(continues ? current!.columns! : [])];
  for (const c of l.cells) if (!columns.some((x) => Math.abs(x - c.x) < 3)) columns.push(c.x);
  columns.sort((a, b) => a - b);
  const cells = columns.map(() => '');
  const rights = columns.map(() => 0);
  for (const c of l.cells) {
    const at = columns.reduce((best, x, k) => (Math.abs(x - c.x) < Math.abs(columns[best]! - c.x) ? k : best), 0);
    cells[at] = cells[at] ? `${cells[at]} ${c.text}` : c.text;
    rights[at] = c.right;
  }
  // An empty first cell under a filled one: the cell is merged across rows.
  const above = continues ? current!.cells! : undefined;
  // Every cell of the line goes on a cell above (lower case, or a short abbreviation like «НД»): the row wrapped.
  if (above && cells.every((c, k) => c === '' || (above[k] && /^(?:[а-яёa-z(«"]|[А-ЯЁA-Z]{1,4}$)/.test(c)))) {
    cells.forEach((c, k) => c && (above[k] = `${above[k]} ${c}`));
    rights.forEach((r, k) => r && (current!.rights![k] = r));
    current!.columns = columns;
    current!.last = l;
    return;
  }
  if (above && cells[0] === '' && above[0] && current!.columns![0] === columns[0]) cells[0] = above[0];
  close(g);
  g.current = { line: { text: '', line: l.line, page: l.page }, kind: 'row', lines: 1, last: l, columns, cells, rights };
  g.out.push(g.current.line);
}

/** A line of one cell: it joins the open paragraph or list item, or starts a heading, a list item or a paragraph. */
function startOrJoin(g: Grouping, l: PdfLine, heading: boolean, pageTurn: boolean, gap: number) {
  const { layout, current } = g;
  const item = LIST_ITEM.test(l.text) && !heading && (l.x > layout.left + 3 || /^[•·▪◦‣–—*-]/.test(l.text));
  const starts =
    !current ||
    heading ||
    current.kind === 'heading' ||
    current.kind === 'row' ||
    item ||
    OPENS_BLOCK.test(l.text) ||
    opensClause(l.text, current.line.text) ||
    (!pageTurn && gap > layout.lineGap * 1.4) ||
    (!pageTurn && !full(layout, current.last, l)) ||
    (current.kind === 'item' && l.x < current.last.x - 3);
  if (!starts) return join(g, current, l);
  close(g);
  const line = { line: l.line, page: l.page };
  if (heading) {
    const level = Math.min(6, layout.headingSizes.indexOf(Math.round(l.size * 10) / 10) + 1);
    g.current = { line: { text: `${'#'.repeat(level)} ${l.text}`, ...line }, kind: 'heading', lines: 1, last: l };
  } else if (item) {
    const depth = Math.max(0, Math.round((l.x - layout.left - 8) / 22));
    g.current = { line: { text: `${'  '.repeat(depth)}${l.text}`, ...line }, kind: 'item', lines: 1, last: l };
  } else g.current = { line: { text: l.text, ...line }, kind: 'paragraph', lines: 1, last: l };
  g.out.push(g.current.line);
}

/** Appends a line to the open block, joining a word hyphenated at the line's end. */
function join(g: Grouping, current: Open, l: PdfLine) {
  const target = current.line;
  const how = joinAtHyphen(target.text, l.text, g.layout.vocabulary);
  if (how === 'hyphenation')
    g.removals.push({
      line: l.line,
      page: l.page,
      text: `${target.text.split(' ').at(-1)}${l.text.split(' ')[0]}`,
      reason: 'перенос слова в конце строки соединён',
    });
  target.text = how === 'hyphenation' ? target.text.slice(0, -1) + l.text : how === 'hyphen' ? target.text + l.text : `${target.text} ${l.text}`;
  current.lines += 1;
  current.last = l;
}

/** Closes the open block: a row's cells become its text; a numbered line alone at the margin, without a final stop, is a heading typed in body font. */
function close(g: Grouping) {
  const current = g.current;
  if (!current) return;
  if (current.kind === 'row') current.line.text = current.cells!.join('\t');
  const text = current.line.text;
  if (
    current.kind === 'paragraph' &&
    current.lines === 1 &&
    NUMBERED.test(text) &&
    text.length <= 100 &&
    !/[.,;:!?…]$/.test(text) &&
    current.last.x <= g.layout.left + 3
  )
    current.line.text = `## ${text}`;
  g.current = undefined;
}

/** A heading that runs over two lines is one heading. */
function joinTwoLineHeadings(out: SourceLine[]): SourceLine[] {
  for (let i = out.length - 1; i > 0; i--) {
    const a = /^(#+) (.*)$/.exec(out[i - 1]!.text);
    const b = /^(#+) (.*)$/.exec(out[i]!.text);
    if (a && b && a[1] === b[1] && !NUMBERED.test(b[2]!) && /^[а-яё]/.test(b[2]!)) {
      out[i - 1]!.text = `${a[0]} ${b[2]}`;
      out.splice(i, 1);
    }
  }
  return out;
}

/**
 * A line ending in a hyphen: a word broken by hyphenation (joined without it), or a compound word
 * broken after its own hyphen («ТВ-вещание», «чек-лист» seen elsewhere in the text) — kept.
 */
function joinAtHyphen(before: string, after: string, vocabulary: string): 'hyphenation' | 'hyphen' | 'space' {
  const head = /([А-ЯЁа-яёA-Za-z]+)-$/.exec(before)?.[1];
  const tail = /^([а-яёa-z]+)/.exec(after)?.[1];
  if (!head || !tail) return 'space';
  if (head === head.toUpperCase() || /[a-z]/i.test(head) || vocabulary.includes(`${head}-${tail}`)) return 'hyphen';
  return 'hyphenation';
}
