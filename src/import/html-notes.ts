import type { Element } from 'hast';
import { plain, type Block, type Inline, type Origin, type Removal } from './blocks.ts';
import { tidy } from './inline.ts';

/** `#footnote-3` → `3`, `#endnote-2` → `e2`: which note mammoth's anchor (of a call or of the note) names; else undefined. */
export function noteLabel(anchor: string): string | undefined {
  const m = /^#?(foot|end)note-(\d+)$/.exec(anchor);
  return m ? `${m[1] === 'end' ? 'e' : ''}${m[2]}` : undefined;
}

/** mammoth's list of footnotes or endnotes, at the end of its HTML: items `footnote-N`, `endnote-N`. */
export const isNotesList = (node: Element) =>
  (node.tagName === 'ol' || node.tagName === 'ul') && node.children.some((c) => c.type === 'element' && /^(foot|end)note-/.test(String(c.properties.id ?? '')));

/**
 * A note of that list. When its call was read in the text (`label`, given in the order of the calls), a
 * Markdown footnote (`[^1]: …`), linked both ways on the page; else, as a mark in a table cell is, a
 * paragraph «[N] …» at the end, N its place in the list. Either way named in the report.
 */
export function noteBlock(label: string | undefined, place: number, inlines: Inline[], at: Origin): { block: Block; removal: Removal } {
  const text = plain(inlines).slice(0, 200);
  if (label)
    return {
      block: { kind: 'paragraph', footnote: label, inlines: tidy(inlines), ...at },
      removal: { ...at, text, reason: `сноска перенесена сноской: [^${label}] в тексте, её текст — в конце документа` },
    };
  return {
    block: { kind: 'paragraph', inlines: tidy([{ text: `[${place}] ` }, ...inlines]), ...at },
    removal: { ...at, text, reason: `сноска ${place} перенесена в конец текста абзацем «[${place}] …»` },
  };
}
