import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { CHECKBOX, type Block, type Inline, type ListItem, type Removal, type SourceDocument } from './blocks.ts';
import { tidy } from './inline.ts';
import { ImportError } from './errors.ts';
import { MAX_MDX_NESTING, tooDeepHtml } from '../model/nesting.ts';

/** Page furniture of a saved page: never content. */
const FURNITURE = new Set(['header', 'footer', 'nav', 'aside', 'script', 'style', 'noscript', 'template', 'head', 'button', 'form', 'select']);
const CONTAINERS = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'center', 'blockquote', 'figure', 'tbody', 'span', 'font']);

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
  const blocks: Block[] = [];
  const removals: Removal[] = [];
  let ordinal = 0;
  const origin = (node: Element) => {
    ordinal += 1;
    return { line: options.unit === 'абзац' ? ordinal : (node.position?.start.line ?? 1) };
  };
  const walk = (nodes: Array<RootContent | ElementContent>) => {
    for (const node of nodes) {
      if (node.type === 'text' && node.value.trim())
        blocks.push({ kind: 'paragraph', inlines: tidy([{ text: node.value }]), line: node.position?.start.line ?? ordinal });
      if (node.type !== 'element') continue;
      const tag = node.tagName;
      if (FURNITURE.has(tag)) {
        const text = textOf(node);
        if (text && tag !== 'script' && tag !== 'style' && tag !== 'head')
          removals.push({ ...origin(node), text: text.slice(0, 200), reason: `оформление страницы (<${tag}>), не текст документа` });
        continue;
      }
      if (/^h[1-6]$/.test(tag)) blocks.push({ kind: 'heading', level: Number(tag[1]), inlines: inlinesOf(node), ...origin(node) });
      else if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'pre') paragraph(node);
      else if (tag === 'ul' || tag === 'ol') blocks.push({ kind: 'list', ordered: tag === 'ol', items: listItems(node, 0), ...origin(node) });
      else if (tag === 'table') blocks.push({ kind: 'table', rows: tableRows(node), ...origin(node) });
      else if (tag === 'br' || tag === 'hr') continue;
      else if (CONTAINERS.has(tag) || tag === 'dl') walk(node.children);
      else paragraph(node);
    }
  };
  const paragraph = (node: Element) => {
    const inlines = inlinesOf(node);
    if (inlines.length === 0) return;
    const at = origin(node);
    const text = inlines.map((i) => i.text).join('');
    if (text.includes(CHECKBOX)) {
      removals.push({ ...at, text: `флажок формы ×${text.split(CHECKBOX).length - 1}`, reason: 'артефакт формы: флажок заменён пунктом списка' });
      const items = text
        .split(CHECKBOX)
        .map((t) => tidy([{ text: t }]))
        .filter((i) => i.length > 0);
      blocks.push({ kind: 'list', ordered: false, items: items.map((i) => ({ inlines: i, depth: 0 })), ...at });
    } else blocks.push({ kind: 'paragraph', inlines, ...at });
  };
  walk((tree as Root).children);
  return { format: options.format, blocks, removals, unit: options.unit };
}

function inlinesOf(node: Element): Inline[] {
  const runs: Inline[] = [];
  const visit = (children: ElementContent[], bold: boolean, italic: boolean) => {
    for (const child of children) {
      if (child.type === 'text') runs.push({ text: child.value, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
      else if (child.type === 'element') {
        if (child.tagName === 'input' && String(child.properties.type).toLowerCase() === 'checkbox') runs.push({ text: CHECKBOX });
        else if (child.tagName === 'br') runs.push({ text: ' ' });
        else if (child.tagName === 'ul' || child.tagName === 'ol' || FURNITURE.has(child.tagName)) continue;
        else visit(child.children, bold || child.tagName === 'b' || child.tagName === 'strong', italic || child.tagName === 'i' || child.tagName === 'em');
      }
    }
  };
  visit(node.children, false, false);
  // Merge neighbours with equal emphasis so that `**a** **b**` reads as one run.
  const merged: Inline[] = [];
  for (const run of runs) {
    const prev = merged.at(-1);
    if (prev && !!prev.bold === !!run.bold && !!prev.italic === !!run.italic) prev.text += run.text;
    else merged.push({ ...run });
  }
  return tidy(merged);
}

function listItems(list: Element, depth: number): ListItem[] {
  const items: ListItem[] = [];
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    items.push({ inlines: inlinesOf(li), depth });
    for (const nested of li.children) {
      if (nested.type === 'element' && (nested.tagName === 'ul' || nested.tagName === 'ol')) items.push(...listItems(nested, depth + 1));
    }
  }
  return items;
}

function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue;
      if (child.tagName === 'tr')
        rows.push(child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')).map(cellText));
      else visit(child);
    }
  };
  visit(table);
  return rows;
}

/** A cell's text; paragraphs and list items inside it are kept apart by check-box markers or spaces. */
function cellText(cell: Element): string {
  const parts: string[] = [];
  const visit = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type === 'text') parts.push(child.value);
      else if (child.type === 'element') {
        if (child.tagName === 'input' && String(child.properties.type).toLowerCase() === 'checkbox') parts.push(` ${CHECKBOX} `);
        else if (child.tagName === 'li') (parts.push(` ${CHECKBOX} `), visit(child.children));
        else {
          visit(child.children);
          if (child.tagName === 'p' || child.tagName === 'br') parts.push(' ');
        }
      }
    }
  };
  visit(cell.children);
  return parts
    .join('')
    .replace(/[\s\u00a0]+/g, ' ')
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
