import { CHECKBOX, CHECKED, type Block, type Removal, type SourceDocument } from './blocks.ts';
import { checkboxItems, formSentence } from './form-boxes.ts';
import { markCheckboxes, parseInlines, stripInline, withPlainBullet } from './inline.ts';

/** A line of a line-based input (text export, Markdown, or PDF text), with its place. */
export interface SourceLine {
  text: string;
  line: number;
  page?: number;
}

/** A form feed line marks a page boundary (PDF text, and `\f` in text exports). */
export const PAGE_BREAK = '\f';

/**
 * The text exports of the old portal (and the lines the PDF reader rebuilds) into blocks:
 * `#` headings, tab-separated table rows, numbered and bulleted list items, one paragraph a line.
 */
export function blocksFromLines(lines: SourceLine[], format: SourceDocument['format'] = 'text'): SourceDocument {
  const blocks: Block[] = [];
  const removals: Removal[] = [];
  /** A filled-in form: some box is ticked, so every box keeps its state as text (checkboxItems). */
  const form = lines.some((l) => markCheckboxes(l.text).text.includes(CHECKED));
  for (const { text: raw, line, page } of lines) {
    const origin = { line, ...(page ? { page } : {}) };
    if (raw.includes(PAGE_BREAK)) {
      blocks.push({ kind: 'break', ...origin });
      continue;
    }
    const { text, count } = markCheckboxes(withPlainBullet(raw));
    if (count > 0) removals.push({ ...origin, text: `флажок формы ×${count}`, reason: 'артефакт формы: флажок заменён пунктом списка' });
    if (text.trim() === '') {
      blocks.push({ kind: 'paragraph', inlines: [], ...origin }); // a blank line ends tables and lists
      continue;
    }
    const prev = blocks.at(-1);
    const heading = /^(#{1,6})\s+(.*)$/.exec(text.trim());
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, inlines: parseInlines(heading[2]!), ...origin });
    } else if (text.includes('\t')) {
      // A cell's own lines (a PDF cell over several lines) stay apart: a passport's goals are one a line.
      const cells = text.split('\t').map((cell) => cell.split('\n').map(stripInline).join('\n'));
      if (prev?.kind === 'table') prev.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells], ...origin });
    } else if (text.includes(CHECKBOX) && formSentence(text, form) !== undefined) {
      blocks.push({ kind: 'paragraph', inlines: parseInlines(formSentence(text, form)!), ...origin });
    } else if (text.includes(CHECKBOX)) {
      const items = checkboxItems(text, form)
        .items.map((part) => parseInlines(part))
        .filter((i) => i.length > 0);
      blocks.push({ kind: 'list', ordered: false, items: items.map((inlines) => ({ inlines, depth: 0 })), ...origin });
    } else {
      const item = /^(\s*)(?:(\d+)[.)]|[-•–*])\s+(?=\S)(.*)$/.exec(text);
      if (item && !/^\s*\\\*/.test(text)) {
        const ordered = item[2] !== undefined;
        const entry = { inlines: parseInlines(item[3]!), depth: Math.floor(item[1]!.replace(/\t/g, '    ').length / 2) };
        if (prev?.kind === 'list' && prev.ordered === ordered) prev.items.push(entry);
        else blocks.push({ kind: 'list', ordered, items: [entry], ...origin });
      } else {
        blocks.push({ kind: 'paragraph', inlines: parseInlines(text.trim()), ...origin });
      }
    }
  }
  return { format, blocks: blocks.filter((b) => b.kind !== 'paragraph' || b.inlines.length > 0), removals, unit: 'строка' };
}

/** A text or Markdown export. */
export function readText(source: string): SourceDocument {
  const lines = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }));
  return blocksFromLines(lines);
}
