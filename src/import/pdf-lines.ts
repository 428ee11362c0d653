import type { extractTextItems } from 'unpdf';

/** A line of a PDF page, rebuilt from PDF.js text items. */
export interface PdfLine {
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

type Item = Awaited<ReturnType<typeof extractTextItems>>['items'][number][number];

/** The text items of one page as lines, top to bottom; items far apart on one line become cells. */
export function linesOfPage(items: Item[], page: number): PdfLine[] {
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

/** The most frequent value (the body font size, the usual line gap); 0 for none. */
export function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}
