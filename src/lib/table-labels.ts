import { escapeXml } from './xml.ts';
/**
 * Phones (≤ 480 px) show wide tables as stacked rows: each cell on its own line under its column's name.
 * CSS cannot read a header's text, so each body cell gets it as `data-label` (global.css shows it with
 * `::before`) and the table gets `data-stack`. Done once on the built HTML of every page (a middleware of
 * the site's integration), for every table with one header row and no merged header cells, so no
 * component or rendered text has to label its cells by hand.
 */

const TABLE = /<table\b[^>]*>[\s\S]*?<\/table>/g;
const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/g;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** A header's visible text: tags dropped, entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*\bclass="[^"]*\b(?:visually-hidden|skip)\b[^"]*"[^>]*>[\s\S]*?<\/[a-z]+>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

const attribute = escapeXml;

/** Labels the body cells of one table, or returns it unchanged when its header is not one plain row. */
export function labelTable(table: string): string {
  if (/<table\b/.test(table.slice(6)) || /\bdata-stack\b/.test(table.slice(0, table.indexOf('>')))) return table;
  const head = /<thead\b[^>]*>([\s\S]*?)<\/thead>/.exec(table);
  if (!head) return table;
  const headRows = [...head[1]!.matchAll(ROW)];
  if (headRows.length !== 1) return table;
  const headers = [...headRows[0]![1]!.matchAll(CELL)];
  if (headers.length < 2 || headers.some((h) => /\b(colspan|rowspan)=/.test(h[2]!))) return table;
  const labels = headers.map((h) => textOf(h[3]!));
  const bodyStart = head.index + head[0].length;
  const body = table.slice(bodyStart).replace(ROW, (row: string) => {
    let column = 0;
    return row.replace(CELL, (cell: string, tag: string, attrs: string, content: string) => {
      const label = labels[column] ?? '';
      const span = Number(/\bcolspan="?(\d+)/.exec(attrs)?.[1] ?? 1);
      column += span;
      if (!label || span > 1 || /\bdata-label=/.test(attrs)) return cell;
      return `<${tag}${attrs} data-label="${attribute(label)}">${content}</${tag}>`;
    });
  });
  return `${table.slice(0, 6)} data-stack${table.slice(6, bodyStart)}${body}`;
}

/** Every table of a page, labelled where it can be. */
export function labelTables(html: string): string {
  return html.includes('<table') ? html.replace(TABLE, labelTable) : html;
}
