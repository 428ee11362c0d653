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

/** Lines at the top or bottom of pages that repeat on most pages, and page numbers. */
export function removeRunningLines(pages: PdfLine[][], running: NonNullable<SourceDocument['running']>, sheet?: PageSheet): Removal[] {
  const removals: Removal[] = [];
  const EDGE = 3;
  const counts = new Map<string, number>();
  for (const page of pages) {
    const edge = new Set([...page.slice(0, EDGE), ...page.slice(-EDGE)].map((l) => shape(l.text)));
    for (const s of edge) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const inMargin = marginTest(pages, sheet);
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
