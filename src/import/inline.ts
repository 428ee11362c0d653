import { CHECKBOX, CHECKED, type Inline } from './blocks.ts';

/** Check boxes as exports render them: HTML inputs and the usual glyphs. */
const CHECKBOX_RE = /<input\b[^>]*type=["']?checkbox["']?[^>]*>|[\u2610\u2611\u2612\u25a1\u25a0\uf06f\uf0a8]/gi;

/** A ticked box: ☑, ☒, or an input marked `checked`. */
const TICKED = /^(?:[\u2611\u2612]|<input\b[^>]*\schecked\b[^>]*>)$/i;

/** Replaces every check-box rendering with the marker (CHECKED after it when ticked); returns the line and how many it replaced. */
export function markCheckboxes(line: string): { text: string; count: number } {
  let count = 0;
  const text = line.replace(CHECKBOX_RE, (box) => {
    count += 1;
    return TICKED.test(box) ? CHECKBOX + CHECKED : CHECKBOX;
  });
  return { text, count };
}

const TAG_RE = /<\/?(b|strong|i|em)>|\*\*/gi;
const unescapeMarkdown = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');

/**
 * Text of an export line as inline runs: `**bold**`, `<b>bold</b>`, `<i>…</i>`. Other markup stays
 * text: the MDX writer escapes it, so it can never become code.
 */
export function parseInlines(source: string): Inline[] {
  const runs: Inline[] = [];
  let bold = false;
  let italic = false;
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const prev = runs.at(-1);
    if (prev && !!prev.bold === bold && !!prev.italic === italic) prev.text += text;
    else runs.push({ text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
  };
  for (const match of source.matchAll(TAG_RE)) {
    push(unescapeMarkdown(source.slice(last, match.index)));
    last = match.index + match[0].length;
    const tag = (match[1] ?? '**').toLowerCase();
    if (tag === '**' || tag === 'b' || tag === 'strong') bold = match[0].startsWith('</') ? false : tag === '**' ? !bold : true;
    else italic = !match[0].startsWith('</');
  }
  push(unescapeMarkdown(source.slice(last)));
  return tidy(runs);
}

/** Neighbouring runs that read as one: the same emphasis and link, and neither a footnote call. */
export const sameRun = (a: Inline, b: Inline) => !a.footnote && !b.footnote && !a.bold === !b.bold && !a.italic === !b.italic && a.href === b.href;

/** Collapses white space and trims the ends of a run list. */
export function tidy(runs: Inline[]): Inline[] {
  const out = runs.map((r) => ({ ...r, text: r.text.replace(/[\s\u00a0]+/g, ' ') })).filter((r) => r.text !== '' || r.footnote);
  if (out[0]) out[0].text = out[0].text.trimStart();
  const end = out.at(-1);
  if (end) end.text = end.text.trimEnd();
  // Emphasis around white space only is noise; a space at a run edge moves outside the emphasis.
  return out.filter((r) => r.text !== '' || r.footnote);
}

/** Plain text of a cell or line: inline markup removed. */
export const stripInline = (source: string) =>
  unescapeMarkdown(source.replace(TAG_RE, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

/**
 * A list marker drawn in a symbol font (Word's «» of Symbol, «» of Wingdings): a PDF or a text export
 * gives it as a private-use character at the start of the line. It becomes «•», so the line is a list item
 * as its marker says. The check-box glyphs of Wingdings are check boxes (`markCheckboxes`), not markers.
 */
export const withPlainBullet = (line: string) => line.replace(/^(\s*)(?![\uf06f\uf0a8])[\uf020-\uf0ff]\s+/u, '$1• ');
