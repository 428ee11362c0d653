import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { CHECKBOX, CHECKED, plain, type Block, type Inline, type ListItem, type Removal, type SourceDocument } from './blocks.ts';
import { paragraphBlock } from './form-boxes.ts';
import { isNotesList, noteBlock, noteLabel } from './html-notes.ts';
import { linkPolicy } from './link-policy.ts';
import { sameRun, tidy } from './inline.ts';
import { typedStructure } from './typed-structure.ts';
import { ImportError } from './errors.ts';
import { MAX_MDX_NESTING, tooDeepHtml } from '../analysis/nesting.ts';

/** Page furniture of a saved page: never content. */
const FURNITURE = new Set(['header', 'footer', 'nav', 'aside', 'script', 'style', 'noscript', 'template', 'head', 'button', 'form', 'select']);
const CONTAINERS = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'center', 'blockquote', 'figure', 'tbody', 'span', 'font']);

interface Context {
  report: (text: string, reason: string) => void;
  /**
   * The notes whose calls were read in the text so far (`3`, `e2` for endnote 2) and the footnote label each
   * gets: 1, 2… in the order of the calls, footnotes and endnotes alike. Their notes become footnotes.
   */
  calls: Map<string, string>;
}

interface Options {
  /** DOCX through mammoth has no lines: blocks are numbered as paragraphs. */
  unit: SourceDocument['unit'];
  format: SourceDocument['format'];
}

/** A saved HTML page (or mammoth's HTML of a DOCX) into blocks. */
export function readHtml(html: string, options: Options = { unit: 'строка', format: 'html' }): SourceDocument {
  // The HTML tree is built and walked recursively: thousands of nested lists or quotes overflow the stack.
  const deep = tooDeepHtml(html);
  if (deep !== undefined) {
    const where = options.unit === 'строка' ? `в строке ${html.slice(0, deep).split('\n').length}: ` : '';
    throw new ImportError(
      `${where}слишком глубокая вложенность: больше ${MAX_MDX_NESTING} уровней списков, цитат или блоков; в документах столько не бывает — проверьте, не испорчен ли файл`,
    );
  }
  const tree = fromHtml(html);
  /** A filled-in form: some box is ticked, so every box keeps its state as text (checkboxItems). */
  const form = ticked((tree as Root).children);
  const blocks: Block[] = [];
  const removals: Removal[] = [];
  let ordinal = 0;
  const origin = (node: Element) => {
    ordinal += 1;
    return { line: options.unit === 'абзац' ? ordinal : (node.position?.start.line ?? 1) };
  };
  const ctx: Context = { report: (text, reason) => removals.push({ line: options.unit === 'абзац' ? ordinal + 1 : 0, text, reason }), calls: new Map() };
  let footnote = 0;
  const walk = (nodes: Array<RootContent | ElementContent>) => {
    for (const node of nodes) {
      if (node.type === 'text' && node.value.trim())
        blocks.push({ kind: 'paragraph', inlines: tidy([{ text: node.value }]), line: node.position?.start.line ?? ordinal });
      if (node.type !== 'element') continue;
      const tag = node.tagName;
      if (tag === 'img') {
        reportImage(node, ctx);
        continue;
      }
      const className = String((node.properties.className as string[] | undefined)?.join(' ') ?? '');
      if (/\bnd-toc\b/.test(className)) {
        const text = textOf(node);
        if (text) removals.push({ ...origin(node), text, reason: 'строка оглавления: портал строит оглавление сам' });
        continue;
      }
      if (isNotesList(node)) {
        for (const li of node.children) {
          if (li.type !== 'element') continue;
          const label = ctx.calls.get(noteLabel(String(li.properties.id ?? '')) ?? '');
          const note = noteBlock(
            label,
            (footnote += 1),
            inlinesOf(li, ctx).filter((i) => i.text.trim() !== '↑'),
            origin(li),
          );
          blocks.push(note.block);
          removals.push(note.removal);
        }
        continue;
      }
      if (FURNITURE.has(tag)) {
        const text = textOf(node);
        if (text && tag !== 'script' && tag !== 'style' && tag !== 'head')
          removals.push({ ...origin(node), text: text.slice(0, 200), reason: `оформление страницы (<${tag}>), не текст документа` });
        continue;
      }
      if (/^h[1-6]$/.test(tag)) heading(node, Number(tag[1]));
      else if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'pre') paragraph(node);
      else if (tag === 'ul' || tag === 'ol') blocks.push({ kind: 'list', ordered: tag === 'ol', items: listItems(node, 0, ctx), ...origin(node) });
      else if (tag === 'table') blocks.push({ kind: 'table', rows: tableRows(node, ctx), ...origin(node) });
      else if (tag === 'br' || tag === 'hr') continue;
      else if (CONTAINERS.has(tag) || tag === 'dl') walk(node.children);
      else paragraph(node);
    }
  };
  const paragraph = (node: Element) => {
    const inlines = inlinesOf(node, ctx);
    if (inlines.length > 0) blocks.push(paragraphBlock(inlines, origin(node), form, removals));
  };
  // A heading style on an empty paragraph (Word's spacing) is no heading; a heading's bold is its style's, not emphasis.
  const heading = (node: Element, level: number) => {
    const inlines = inlinesOf(node, ctx).map(({ bold: _bold, ...run }) => run);
    if (inlines.some((run) => run.text.trim())) blocks.push({ kind: 'heading', level, inlines, ...origin(node) });
  };
  walk((tree as Root).children);
  return { format: options.format, blocks: typedStructure(blocks), removals, unit: options.unit };
}

function reportImage(node: Element, ctx: Context) {
  const src = String(node.properties.src ?? '');
  const alt = String(node.properties.alt ?? '').trim();
  const size = src.startsWith('data:') ? `${Math.round((src.length * 3) / 4 / 1024)} КБ` : src.slice(0, 80);
  ctx.report(
    `изображение${alt ? ` «${alt}»` : ''} (${size || 'без адреса'})`,
    'изображение не переносится: сохраните его в public/ и вставьте вручную, если оно нужно',
  );
}

function inlinesOf(node: Element, ctx: Context): Inline[] {
  const runs: Inline[] = [];
  const visit = (children: ElementContent[], bold: boolean, italic: boolean, href: string | undefined) => {
    for (const child of children) {
      if (child.type === 'text') runs.push({ text: child.value, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(href ? { href } : {}) });
      else if (child.type === 'element') {
        if (isCheckbox(child)) runs.push({ text: child.properties.checked ? CHECKBOX + CHECKED : CHECKBOX });
        else if (child.tagName === 'br') runs.push({ text: ' ' });
        else if (child.tagName === 'img') reportImage(child, ctx);
        else if (child.tagName === 'ul' || child.tagName === 'ol' || FURNITURE.has(child.tagName)) continue;
        else if (child.tagName === 'a' && child.properties.href !== undefined) {
          const target = String(child.properties.href);
          if (/^#(foot|end)note-ref-/.test(target)) continue; // the back link of a footnote
          const note = noteLabel(target);
          if (note) {
            if (!ctx.calls.has(note)) ctx.calls.set(note, String(ctx.calls.size + 1));
            runs.push({ text: '', footnote: ctx.calls.get(note)! });
            continue;
          }
          if (/^#(foot|end)note-/.test(target)) {
            runs.push({ text: `[${textOf(child).replace(/[[\]]/g, '')}]` });
            continue;
          }
          const policy = linkPolicy(target);
          if (!policy.keep && !/^#_?Toc/i.test(target)) ctx.report(`${textOf(child)} → ${target}`, policy.reason);
          visit(child.children, bold, italic, policy.keep ? target : undefined);
        } else
          visit(child.children, bold || child.tagName === 'b' || child.tagName === 'strong', italic || child.tagName === 'i' || child.tagName === 'em', href);
      }
    }
  };
  visit(node.children, false, false, undefined);
  // Merge neighbours with equal emphasis so that `**a** **b**` reads as one run.
  const merged: Inline[] = [];
  for (const run of runs) {
    const prev = merged.at(-1);
    if (prev && sameRun(prev, run)) prev.text += run.text;
    else merged.push({ ...run });
  }
  return tidy(merged);
}

function listItems(list: Element, depth: number, ctx: Context): ListItem[] {
  const items: ListItem[] = [];
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    items.push({ inlines: inlinesOf(li, ctx), depth });
    for (const nested of li.children) {
      if (nested.type === 'element' && (nested.tagName === 'ul' || nested.tagName === 'ol')) items.push(...listItems(nested, depth + 1, ctx));
    }
  }
  return items;
}

/** Rows of a table as a grid: a cell merged across rows repeats in each, one merged across columns leaves empty cells. */
function tableRows(table: Element, ctx: Context): string[][] {
  const rows: string[][] = [];
  const pending: Array<{ text: string; left: number } | undefined> = [];
  let merged = 0;
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue;
      if (child.tagName === 'tr') {
        const row: string[] = [];
        const cells = child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        const fill = () => {
          while (pending[row.length]) {
            const p = pending[row.length]!;
            row.push(p.text);
            p.left -= 1;
            if (p.left === 0) pending[row.length - 1] = undefined;
          }
        };
        for (const c of cells) {
          fill();
          const text = cellText(c, ctx);
          const span = Number(c.properties.colSpan ?? 1) || 1;
          const down = Number(c.properties.rowSpan ?? 1) || 1;
          if (span > 1 || down > 1) merged += 1;
          if (down > 1) pending[row.length] = { text, left: down - 1 };
          row.push(text, ...Array<string>(Math.max(0, span - 1)).fill(''));
        }
        fill();
        rows.push(row);
      } else visit(child);
    }
  };
  visit(table);
  if (merged > 0)
    ctx.report(`объединённых ячеек: ${merged}`, 'объединённые ячейки таблицы разделены: текст ячейки, объединённой по строкам, повторён в каждой строке');
  return rows;
}

/** A cell's text; its paragraphs and list items are lines of it (MDX writes them apart by spaces). */
function cellText(cell: Element, ctx: Context): string {
  const parts: string[] = [];
  const visit = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type === 'text') parts.push(child.value);
      else if (child.type === 'element') {
        if (isCheckbox(child)) parts.push(` ${CHECKBOX}${child.properties.checked ? CHECKED : ''} `);
        else if (child.tagName === 'ul' || child.tagName === 'ol') {
          // A list in a cell (a role's duties as bullets): its items as lines with the reader's marker, «•» or
          // the item's number, never a check box that the source did not have.
          let number = Number(child.properties.start ?? 1) || 1;
          for (const item of child.children) {
            if (item.type === 'element' && item.tagName === 'li') parts.push(`\n${child.tagName === 'ol' ? `${number++}.` : '•'} `);
            visit([item]);
          }
          parts.push('\n');
        } else if (child.tagName === 'li') visit(child.children);
        else if (child.tagName === 'img') reportImage(child, ctx);
        else if (child.tagName === 'table') {
          // A table in a cell: MDX tables do not nest, so its rows become lines of the cell, its cells «; »-separated.
          const rows = tableRows(child, ctx).map((row) => row.filter((c) => c.trim()).join('; '));
          ctx.report(rows.join(' / ').slice(0, 200), 'таблица внутри ячейки: её строки записаны строками ячейки, ячейки — через «; »; проверьте');
          parts.push(`\n${rows.join('\n')}\n`);
        } else if (child.tagName === 'a' && child.properties.href !== undefined && !/^#/.test(String(child.properties.href))) {
          const policy = linkPolicy(String(child.properties.href));
          ctx.report(
            `${textOf(child)} → ${String(child.properties.href)}`,
            policy.keep ? 'ссылка в ячейке таблицы: адрес не переносится (в таблицах MDX только текст), текст оставлен' : policy.reason,
          );
          visit(child.children);
        } else {
          visit(child.children);
          // Paragraphs of a cell stay apart (a passport's goals, one a paragraph); a line break is a space.
          if (child.tagName === 'p') parts.push('\n');
          if (child.tagName === 'br') parts.push(' ');
        }
      }
    }
  };
  visit(cell.children);
  return parts
    .join('')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

function textOf(node: Element): string {
  const parts: string[] = [];
  const visit = (n: ElementContent) => {
    if (n.type === 'text') parts.push(n.value);
    else if (n.type === 'element') n.children.forEach(visit);
  };
  node.children.forEach(visit);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** A ticked check box in the document's own text (page furniture such as a login form aside). */
function ticked(nodes: Array<RootContent | ElementContent>): boolean {
  return nodes.some(
    (node) => node.type === 'element' && !FURNITURE.has(node.tagName) && ((isCheckbox(node) && Boolean(node.properties.checked)) || ticked(node.children)),
  );
}

const isCheckbox = (node: Element) => node.tagName === 'input' && String(node.properties.type).toLowerCase() === 'checkbox';
