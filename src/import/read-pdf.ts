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
  const removals = removeRunningLines(lines);
  const out = paragraphs(lines, removals);
  const doc = blocksFromLines(out, 'pdf');
  doc.removals.unshift(...removals);
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
    let text = '';
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      // A gap of several characters between items on one line is a column boundary.
      text +=
        end === -Infinity ? '' : gap > item.fontSize * 2 ? '\t' : gap > item.fontSize * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ') ? ' ' : '';
      text += item.str;
      end = item.x + item.width;
    }
    const size = Math.max(...row.map((i) => i.fontSize));
    return { text: text.replace(/ +/g, ' ').trim(), y: row[0]!.y, size, page, line: 0 };
  });
}

const shape = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** Lines at the top or bottom of pages that repeat on most pages, and page numbers. */
function removeRunningLines(pages: PdfLine[][]): Removal[] {
  const removals: Removal[] = [];
  const EDGE = 3;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const edge = new Set([...page.slice(0, EDGE), ...page.slice(-EDGE)].map((l) => shape(l.text)));
    for (const s of edge) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  for (const page of pages) {
    const edgeLines = new Set([...page.slice(0, EDGE), ...page.slice(-EDGE)]);
    for (let i = page.length - 1; i >= 0; i--) {
      const l = page[i]!;
      if (!edgeLines.has(l)) continue;
      const repeated = pages.length > 1 && (counts.get(shape(l.text)) ?? 0) >= threshold;
      const number = PAGE_NUMBER_RE.test(l.text);
      if (!repeated && !number) continue;
      removals.push({
        line: l.line,
        page: l.page,
        text: l.text,
        reason: number ? 'номер страницы' : `колонтитул: повторяется на ${counts.get(shape(l.text))} страницах`,
      });
      page.splice(i, 1);
    }
  }
  return removals.sort((a, b) => a.line - b.line);
}

const isHeadingSize = (size: number, body: number) => size > body * 1.12;
const startsBlock = (text: string) => /^(\d+[.)]|[-•–*])\s|^\d+(\.\d+)+\.?\s/.test(text) || text.includes('\t');

/** Regroups lines into one line per paragraph; headings get `#` by their font size. */
function paragraphs(pages: PdfLine[][], removals: Removal[]): SourceLine[] {
  const all = pages.flat();
  const sizes = all.map((l) => Math.round(l.size * 10) / 10);
  const body = mode(sizes);
  const headingSizes = [...new Set(sizes.filter((s) => isHeadingSize(s, body)))].sort((a, b) => b - a);
  const gaps: number[] = [];
  for (const page of pages) for (let i = 1; i < page.length; i++) gaps.push(Math.round(page[i - 1]!.y - page[i]!.y));
  const lineGap = mode(gaps.filter((g) => g > 0)) || body * 1.2;
  const vocabulary = all.map((l) => l.text).join('\n');
  const out: SourceLine[] = [];
  for (const [p, page] of pages.entries()) {
    if (p > 0) out.push({ text: PAGE_BREAK, line: page[0]?.line ?? 0, page: p + 1 });
    let current: SourceLine | undefined;
    let prev: PdfLine | undefined;
    for (const l of page) {
      const heading = isHeadingSize(l.size, body);
      const newParagraph =
        !current ||
        heading ||
        (prev && isHeadingSize(prev.size, body)) ||
        startsBlock(l.text) ||
        current.text.includes('\t') ||
        (prev && prev.y - l.y > lineGap * 1.4);
      if (newParagraph) {
        const level = heading ? Math.min(6, headingSizes.indexOf(Math.round(l.size * 10) / 10) + 1) : 0;
        current = { text: heading ? `${'#'.repeat(level)} ${l.text}` : l.text, line: l.line, page: l.page };
        out.push(current);
      } else if (current) {
        const join = joinAtHyphen(current.text, l.text, vocabulary);
        if (join === 'hyphenation')
          removals.push({
            line: l.line,
            page: l.page,
            text: `${current.text.split(' ').at(-1)}${l.text.split(' ')[0]}`,
            reason: 'перенос слова в конце строки соединён',
          });
        current.text = join === 'hyphenation' ? current.text.slice(0, -1) + l.text : join === 'hyphen' ? current.text + l.text : `${current.text} ${l.text}`;
      }
      prev = l;
    }
    out.push({ text: '', line: prev?.line ?? 0, page: p + 1 });
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
