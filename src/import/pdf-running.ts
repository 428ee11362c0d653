import type { Removal, SourceDocument } from './blocks.ts';
import { mode, type PdfLine } from './pdf-lines.ts';

/** Page numbers as printed: «3», «- 3 -», «стр. 3», «Страница 3 из 10», «3/10». */
export const PAGE_NUMBER_RE = /^[-–—\s]*(?:стр\.?|страница|page)?\s*\d{1,4}\s*(?:(?:из|of|\/)\s*\d{1,4})?[-–—\s]*$/i;

const shape = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** A page's lower and upper edge, in PDF points from the bottom left. */
export interface PageSheet {
  bottom: number;
  top: number;
}

/** How far from the sheet's edge a running head or foot stands at most: 100 pt, 3.5 cm (page margins are 1.5–3 cm). */
const MARGIN_ZONE = 100;

/** A running head's words: a document code («РГ-101») or a page number in words. */
const headShaped = (text: string) => /(?:^|[^\p{L}])\p{Lu}{2,4}[-‐‑–]\d{1,4}(?!\d)/u.test(text) || /(?:стр\.?|страница|page)\s*\d/i.test(text);

/**
 * Lines at the top or bottom of pages that repeat on most pages, and page numbers. Each page is read from
 * its edges inward, and the first line that is not a running one ends the search: the rows under a table's
 * header that the printer repeats at the top of every page, and that header on the first page, stay.
 */
export function removeRunningLines(pages: PdfLine[][], running: NonNullable<SourceDocument['running']>, sheet?: PageSheet): Removal[] {
  const removals: Removal[] = [];
  const counts = runningShapes(pages);
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const inMargin = marginTest(pages, sheet);
  const take = (page: PdfLine[], i: number): boolean => {
    const l = page[i]!;
    const repeated = pages.length > 1 && (counts.get(shape(l.text)) ?? 0) >= threshold;
    const number = PAGE_NUMBER_RE.test(l.text) && !l.text.includes('\t') && (i === 0 || i === page.length - 1 || inMargin(page, i));
    if (!repeated && !number && !inMargin(page, i)) return false;
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
    return true;
  };
  for (const page of pages) {
    for (let n = 0; n < EDGE && page.length > 0 && take(page, page.length - 1); n++);
    for (let n = 0; n < EDGE && page.length > 0 && take(page, 0); n++);
  }
  return removals.sort((a, b) => a.line - b.line);
}

/** How many lines from each page's edge a running head or foot may take. */
const EDGE = 3;

/**
 * The shapes (numbers aside) of the lines at pages' edges, with the number of pages each stands on. A
 * shape counts only when its lines are one text, or differ in numbers that follow the page (a page number):
 * the rows of a long table («39 Аудитор … Отдел 3», «69 Аудитор … Отдел 3») share a shape, not a running head.
 */
function runningShapes(pages: PdfLine[][]): Map<string, number> {
  const groups = new Map<string, Array<{ numbers: number[]; page: number }>>();
  for (const [index, page] of pages.entries()) {
    const edge = new Map([...page.slice(0, EDGE), ...page.slice(-EDGE)].map((l) => [shape(l.text), l]));
    for (const [key, l] of edge) groups.set(key, [...(groups.get(key) ?? []), { numbers: (l.text.match(/\d+/g) ?? []).map(Number), page: index }]);
  }
  const counts = new Map<string, number>();
  for (const [key, members] of groups) {
    const width = members[0]!.numbers.length;
    const followsPage = Array.from({ length: width }, (_, k) => members.map((m) => m.numbers[k]! - m.page)).every(
      (offsets, k) => new Set(members.map((m) => m.numbers[k])).size === 1 || new Set(offsets).size === 1,
    );
    if (followsPage) counts.set(key, members.length);
  }
  return counts;
}

/** Whether a page's first or last line stands alone in the top or bottom margin (far from the text, body size at most). */
function marginTest(pages: PdfLine[][], sheet?: PageSheet): (page: PdfLine[], i: number) => boolean {
  const all = pages.flat();
  const body = mode(all.map((l) => Math.round(l.size * 10) / 10));
  const gaps = pages.flatMap((page) => page.slice(1).map((l, i) => Math.round(page[i]!.y - l.y))).filter((g) => g > 0);
  const lineGap = mode(gaps.filter((g) => g >= body * 0.9 && g <= body * 1.6)) || body * 1.2;
  const top = Math.max(...all.map((l) => l.y));
  const bottom = Math.min(...all.map((l) => l.y));
  return (page, i) => {
    const l = page[i]!;
    // Footnotes sit low on the page too: they start with their number («1Текст сноски»).
    if (l.size > body * 1.05 || page.length < 2 || /^\d+\s?[А-ЯЁA-Zа-яё]/.test(l.text)) return false;
    // Near the sheet's edge too: in a short document the last line stands lowest, far below an image, mid-page.
    // A one-page document's first line stands in the top margin whatever it is: there only a line shaped like a head
    // (a code, a page number in words) is taken for one.
    if (i === 0)
      return l.y >= top - 2 && l.y - page[1]!.y > lineGap * 2.2 && (!sheet || l.y >= sheet.top - MARGIN_ZONE) && (pages.length > 1 || headShaped(l.text));
    if (i === page.length - 1) return l.y <= bottom + 2 && page[i - 1]!.y - l.y > lineGap * 3 && (!sheet || l.y <= sheet.bottom + MARGIN_ZONE);
    return false;
  };
}
