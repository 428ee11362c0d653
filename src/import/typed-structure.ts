import { CHECKBOX, plain, type Block, type Inline } from './blocks.ts';
import { tidy } from './inline.ts';

/** The footnote calls of a paragraph made a heading from its text: they stay, after the text. */
const calls = (inlines: Inline[]): Inline[] => inlines.filter((i) => i.footnote).map((i) => ({ text: '', footnote: i.footnote! }));

const BULLET = /^[•·▪◦‣–—-]\s+(?=\S)/;
const LETTERED = /^\(?([а-яa-z]|\d{1,2})\)\s+(?=\S)/;
const NUMBERED_HEADING = /^\d{1,2}(\.\d{1,2})*\.?\s+\S/;

/**
 * What authors type instead of styles: a bold paragraph that is a heading («**2. Требования**»,
 * or a short bold line once the document has headings), and paragraphs starting with «–», «•» or
 * «а)» that are list items. In a document without a single heading style, a bold first line is its
 * name («**Регламент РГ-910 «Обслуживание клиентов»**»): the heading the title and code are read from.
 */
export function typedStructure(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let sawHeading = false;
  const unstyled = !blocks.some((b) => b.kind === 'heading');
  for (const b of blocks) {
    if (b.kind === 'heading') sawHeading = true;
    if (b.kind !== 'paragraph') {
      out.push(b);
      continue;
    }
    const text = plain(b.inlines).trim();
    const allBold = b.inlines.every((i) => i.bold || i.text.trim() === '') && b.inlines.some((i) => i.bold);
    if (unstyled && out.length === 0 && allBold && text.length <= 200 && !/[.,;:!?…]$/.test(text) && !/^(утвержд|согласов)/i.test(text)) {
      sawHeading = true;
      out.push({ kind: 'heading', level: 1, inlines: [{ text }, ...calls(b.inlines)], line: b.line, ...(b.page ? { page: b.page } : {}) });
      continue;
    }
    if (
      allBold &&
      text.length <= 120 &&
      !/[.,;:!?…]$/.test(text) &&
      !text.includes(CHECKBOX) &&
      (NUMBERED_HEADING.test(text) || (sawHeading && text.length <= 80))
    ) {
      sawHeading = true;
      out.push({ kind: 'heading', level: 2, inlines: [{ text }, ...calls(b.inlines)], line: b.line, ...(b.page ? { page: b.page } : {}) });
      continue;
    }
    const bullet = BULLET.exec(text);
    const lettered = bullet ? null : LETTERED.exec(text);
    if (bullet || lettered) {
      const marker = (bullet ?? lettered)![0];
      const inlines = tidy(stripPrefix(b.inlines, marker.length));
      const ordered = !bullet;
      const prev = out.at(-1);
      if (prev?.kind === 'list' && prev.ordered === ordered) prev.items.push({ inlines, depth: 0 });
      else out.push({ kind: 'list', ordered, items: [{ inlines, depth: 0 }], line: b.line, ...(b.page ? { page: b.page } : {}) });
      continue;
    }
    out.push(b);
  }
  return out;
}

/** Inline runs without their first `n` characters (a typed list marker). */
function stripPrefix(inlines: Inline[], n: number): Inline[] {
  const out: Inline[] = [];
  let left = n;
  for (const run of inlines) {
    const text = run.text;
    if (left >= text.length) {
      left -= text.length;
      continue;
    }
    out.push({ ...run, text: text.slice(left) });
    left = 0;
  }
  return out;
}
