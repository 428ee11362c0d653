import { extractTextItems } from 'unpdf';
import type { Removal, SourceDocument } from './blocks.ts';
import { ImportError } from './errors.ts';
import { blocksFromLines, PAGE_BREAK, type SourceLine } from './read-text.ts';

interface PdfLine {
  text: string;
  y: number;
  size: number;
  page: number;
  line: number;
  /** Left edge of the line and of each cell (a cell starts after a wide gap). */
  x: number;
  cells: Array<{ x: number; text: string; right: number }>;
  /** Right edge of the last item. */
  right: number;
}

/** Page numbers as printed: «3», «- 3 -», «стр. 3», «Страница 3 из 10», «3/10». */
export const PAGE_NUMBER_RE = /^[-–—\s]*(?:стр\.?|страница|page)?\s*\d{1,4}\s*(?:(?:из|of|\/)\s*\d{1,4})?[-–—\s]*$/i;

/**
 * A PDF through unpdf (PDF.js): text items become lines (far-apart items on one line become table
 * cells), running headers and footers are found by repetition across pages, page numbers dropped,
 * hyphenated line ends joined, and lines regrouped into paragraphs by the vertical gaps.
 */
export async function readPdf(buffer: Buffer): Promise<SourceDocument> {
  let pages: Awaited<ReturnType<typeof extractTextItems>>;
  try {
    pages = await extractTextItems(new Uint8Array(buffer));
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/password/i.test(message)) throw new ImportError('PDF защищён паролем: снимите защиту и повторите');
    throw new ImportError(`PDF повреждён или не читается: ${message}`);
  }
  const lines = pages.items.map((items, p) => linesOfPage(items, p + 1));
  if (lines.every((page) => page.length === 0)) {
    throw new ImportError(`в PDF нет текстового слоя (страниц: ${pages.totalPages}) — это скан; нужно распознавание текста (OCR), затем повторите импорт`);
  }
  let counter = 0;
  for (const page of lines) for (const l of page) l.line = ++counter;
  const running: NonNullable<SourceDocument['running']> = [];
  const removals = removeRunningLines(lines, running);
  const out = paragraphs(lines, removals);
  const doc = blocksFromLines(out, 'pdf');
  doc.removals.unshift(...removals);
  doc.running = running.filter((r, i) => running.findIndex((o) => o.text === r.text) === i);
  return doc;
}

type Item = Awaited<ReturnType<typeof extractTextItems>>['items'][number][number];

function linesOfPage(items: Item[], page: number): PdfLine[] {
  const rows: Item[][] = [];
  for (const item of items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) < Math.max(2, item.fontSize * 0.3));
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const cells: PdfLine['cells'] = [];
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      const cell = cells.at(-1);
      // A gap of several characters between items on one line is a column boundary.
      if (!cell || gap > item.fontSize * 2) cells.push({ x: item.x, text: item.str, right: item.x + item.width });
      else {
        cell.text += (gap > item.fontSize * 0.15 && !cell.text.endsWith(' ') && !item.str.startsWith(' ') ? ' ' : '') + item.str;
        cell.right = item.x + item.width;
      }
      end = item.x + item.width;
    }
    for (const c of cells)
      c.text = c.text
        .replace(/ +/g, ' ')
        .trim()
        .replace(/^(\d{1,2}(?:\.\d{1,2})*\.)(?=[А-ЯЁA-Z])/, '$1 ');
    // A bullet glyph set apart from its text is one cell with it, not a column.
    if (cells.length > 1 && /^[•·▪◦‣–—-]$/.test(cells[0]!.text))
      cells.splice(0, 2, { x: cells[0]!.x, text: `${cells[0]!.text} ${cells[1]!.text}`, right: cells[1]!.right });
    const size = Math.max(...row.map((i) => i.fontSize));
    return { text: cells.map((c) => c.text).join('\t'), y: row[0]!.y, size, page, line: 0, x: row[0]!.x, cells, right: end };
  });
}

const shape = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** Lines at the top or bottom of pages that repeat on most pages, and page numbers. */
function removeRunningLines(pages: PdfLine[][], running: NonNullable<SourceDocument['running']>): Removal[] {
  const removals: Removal[] = [];
  const EDGE = 3;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const edge = new Set([...page.slice(0, EDGE), ...page.slice(-EDGE)].map((l) => shape(l.text)));
    for (const s of edge) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const all = pages.flat();
  const body = mode(all.map((l) => Math.round(l.size * 10) / 10));
  const gaps = pages.flatMap((page) => page.slice(1).map((l, i) => Math.round(page[i]!.y - l.y))).filter((g) => g > 0);
  const lineGap = mode(gaps.filter((g) => g >= body * 0.9 && g <= body * 1.6)) || body * 1.2;
  const top = Math.max(...all.map((l) => l.y));
  const bottom = Math.min(...all.map((l) => l.y));
  // A line alone in the top or bottom margin (far from the text, body size at most): a page header or footer.
  const inMargin = (page: PdfLine[], i: number) => {
    const l = page[i]!;
    // Footnotes sit low on the page too: they start with their number («1Текст сноски»).
    if (l.size > body * 1.05 || page.length < 2 || /^\d+\s?[А-ЯЁA-Zа-яё]/.test(l.text)) return false;
    if (i === 0) return l.y >= top - 2 && l.y - page[1]!.y > lineGap * 2.2;
    if (i === page.length - 1) return l.y <= bottom + 2 && page[i - 1]!.y - l.y > lineGap * 3;
    return false;
  };
  for (const page of pages) {
    const edgeLines = new Set([...page.slice(0, EDGE), ...page.slice(-EDGE)]);
    for (let i = page.length - 1; i >= 0; i--) {
      const l = page[i]!;
      if (!edgeLines.has(l)) continue;
      const repeated = pages.length > 1 && (counts.get(shape(l.text)) ?? 0) >= threshold;
      const number = PAGE_NUMBER_RE.test(l.text) && !l.text.includes('\t') && (i === 0 || i === page.length - 1 || inMargin(page, i));
      const margin = inMargin(page, i);
      if (!repeated && !number && !margin) continue;
      if (!number) running.push({ kind: 'колонтитул', text: l.text.replace(/\t/g, ' ') });
      removals.push({
        line: l.line,
        page: l.page,
        text: l.text,
        reason: number
          ? 'номер страницы'
          : repeated
            ? `колонтитул: повторяется на ${counts.get(shape(l.text))} страницах`
            : 'колонтитул: строка на поле страницы, вдали от текста',
      });
      page.splice(i, 1);
    }
  }
  return removals.sort((a, b) => a.line - b.line);
}

const isHeadingSize = (size: number, body: number) => size > body * 1.12;
const LIST_ITEM = /^(?:[•·▪◦‣–—*-]|\d{1,2}[.)]|[а-яa-z]\))\s+\S/;
const NUMBERED = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\S/;
const OPENS_BLOCK = /^(?:УТВЕРЖДЕН|СОГЛАСОВАН)/;

/**
 * Regroups lines into one line per paragraph, list item, table row or heading: lines join while the
 * previous one runs to the right margin and the gap is a line's; a paragraph goes on across a page
 * break when its last line was full; headings by font size, or by numbering on a line of their own
 * at the margin; list items by their marker and indentation; table rows by their columns, a cell's
 * further lines joined to the cell above.
 */
function paragraphs(pages: PdfLine[][], removals: Removal[]): SourceLine[] {
  const all = pages.flat();
  const sizes = all.map((l) => Math.round(l.size * 10) / 10);
  const body = mode(sizes);
  const headingSizes = [...new Set(sizes.filter((s) => isHeadingSize(s, body)))].sort((a, b) => b - a);
  const gaps: number[] = [];
  for (const page of pages) for (let i = 1; i < page.length; i++) gaps.push(Math.round(page[i - 1]!.y - page[i]!.y));
  const lineGap = mode(gaps.filter((g) => g >= body * 0.9 && g <= body * 1.6)) || body * 1.2;
  const left = Math.min(...all.map((l) => l.x));
  const right = Math.max(...all.map((l) => l.right));
  const vocabulary = all.map((l) => l.text).join('\n');
  // A table of contents: its title and the lines that end in a page number after it.
  for (const page of pages) {
    const at = page.findIndex((l) => /^(содержание|оглавление)$/i.test(l.text.trim()));
    if (at < 0) continue;
    let end = at + 1;
    while (end < page.length && /\S[\s.…\t]*\d{1,4}$/.test(page[end]!.text) && !/^\d{1,4}$/.test(page[end]!.text)) end += 1;
    if (end === at + 1) continue;
    for (const l of page.splice(at, end - at))
      removals.push({ line: l.line, page: l.page, text: l.text.replace(/\t/g, ' '), reason: 'оглавление: портал строит оглавление сам' });
  }
  const out: SourceLine[] = [];
  type Open = {
    line: SourceLine;
    kind: 'paragraph' | 'heading' | 'item' | 'row';
    lines: number;
    last: PdfLine;
    columns?: number[];
    cells?: string[];
    /** Right edge of each cell's last line: a line that ran to the next column wrapped, a short one ended a paragraph. */
    rights?: number[];
  };
  let current: Open | undefined;
  // A line ended its paragraph when the next line's first word would have fitted after it.
  const wrapsTo = (end: number, edge: number, next: string, size: number) => edge - end < ((next.split(/\s/)[0]?.length ?? 0) + 1) * size * 0.5;
  const full = (l: PdfLine, next?: PdfLine) => (next ? wrapsTo(l.right, right, next.text, next.size) : l.right >= right - l.size * 3);
  const close = () => {
    if (!current) return;
    if (current.kind === 'row') current.line.text = current.cells!.join('\t');
    // A numbered line alone at the margin, without a final stop, is a heading typed in body font.
    const text = current.line.text;
    if (
      current.kind === 'paragraph' &&
      current.lines === 1 &&
      NUMBERED.test(text) &&
      text.length <= 100 &&
      !/[.,;:!?…]$/.test(text) &&
      current.last.x <= left + 3
    )
      current.line.text = `## ${text}`;
    current = undefined;
  };
  const join = (l: PdfLine) => {
    const target = current!.line;
    const how = joinAtHyphen(target.text, l.text, vocabulary);
    if (how === 'hyphenation')
      removals.push({
        line: l.line,
        page: l.page,
        text: `${target.text.split(' ').at(-1)}${l.text.split(' ')[0]}`,
        reason: 'перенос слова в конце строки соединён',
      });
    target.text = how === 'hyphenation' ? target.text.slice(0, -1) + l.text : how === 'hyphen' ? target.text + l.text : `${target.text} ${l.text}`;
    current!.lines += 1;
    current!.last = l;
  };
  for (const [p, page] of pages.entries()) {
    let prev: PdfLine | undefined;
    for (const [i, l] of page.entries()) {
      const heading = isHeadingSize(l.size, body);
      const row = l.cells.length > 1;
      // A paragraph whose last line ran full goes on at the top of the next page.
      const pageTurn = i === 0 && p > 0;
      if (pageTurn && !(current?.kind === 'paragraph' && full(current.last, l) && !heading && !row && !LIST_ITEM.test(l.text))) {
        close();
        out.push({ text: PAGE_BREAK, line: l.line, page: l.page });
      }
      const gap = prev ? prev.y - l.y : 0;
      // A further line of a table cell: one cell, under a column of the row above.
      if (current?.kind === 'row' && !row && !heading && gap <= lineGap * 1.4) {
        const column = current.columns!.findIndex((x) => Math.abs(x - l.x) < 3);
        if (column >= 0) {
          const edge = current.columns![column + 1] ?? right;
          const wrapped = wrapsTo(current.rights![column] ?? 0, edge - l.size, l.text, l.size);
          current.cells![column] = current.cells![column] ? `${current.cells![column]}${wrapped ? ' ' : '\n'}${l.text}` : l.text;
          current.rights![column] = l.right;
          current.last = l;
          prev = l;
          continue;
        }
      }
      if (row) {
        const continues = current?.kind === 'row' && gap <= lineGap * 2.2;
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
          prev = l;
          continue;
        }
        if (above && cells[0] === '' && above[0] && current!.columns![0] === columns[0]) cells[0] = above[0];
        close();
        current = { line: { text: '', line: l.line, page: l.page }, kind: 'row', lines: 1, last: l, columns, cells, rights };
        out.push(current.line);
        prev = l;
        continue;
      }
      const item = LIST_ITEM.test(l.text) && !heading && (l.x > left + 3 || /^[•·▪◦‣–—*-]/.test(l.text));
      const starts =
        !current ||
        heading ||
        current.kind === 'heading' ||
        current.kind === 'row' ||
        item ||
        OPENS_BLOCK.test(l.text) ||
        (!pageTurn && gap > lineGap * 1.4) ||
        (!pageTurn && !full(current.last, l)) ||
        (current.kind === 'item' && l.x < current.last.x - 3);
      if (!starts) {
        join(l);
        prev = l;
        continue;
      }
      close();
      if (heading) {
        const level = Math.min(6, headingSizes.indexOf(Math.round(l.size * 10) / 10) + 1);
        current = { line: { text: `${'#'.repeat(level)} ${l.text}`, line: l.line, page: l.page }, kind: 'heading', lines: 1, last: l };
      } else if (item) {
        const depth = Math.max(0, Math.round((l.x - left - 8) / 22));
        current = { line: { text: `${'  '.repeat(depth)}${l.text}`, line: l.line, page: l.page }, kind: 'item', lines: 1, last: l };
      } else current = { line: { text: l.text, line: l.line, page: l.page }, kind: 'paragraph', lines: 1, last: l };
      out.push(current.line);
      prev = l;
    }
  }
  close();
  // A heading that runs over two lines is one heading.
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

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
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
