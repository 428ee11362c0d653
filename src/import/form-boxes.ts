import { CHECKBOX, CHECKED, type Block, type Inline, type Origin, type Removal } from './blocks.ts';
import { tidy } from './inline.ts';

/** Form check boxes: bullets of the old portal's exports, or a filled-in form's choices that must not be lost. */

/**
 * A line cut at its check boxes into list items. Boxes used as bullets (no box of the document is
 * ticked, as in the old portal's exports) leave plain items; in a filled-in form (`form`: some box of the
 * document is ticked) every item keeps its box as text, «☒ » or «☐ », so the edition says what was
 * chosen. `checked`: the texts of the ticked items, for the report.
 */
export function checkboxItems(text: string, form: boolean): { items: string[]; checked: string[] } {
  const parts = text
    .split(CHECKBOX)
    .map((part, i) => ({ box: i > 0, ticked: i > 0 && part.startsWith(CHECKED), text: part.replace(CHECKED, '').trim() }))
    .filter((p) => p.text.length > 0);
  return {
    items: parts.map((p) => (form && p.box ? `${p.ticked ? '☒' : '☐'} ${p.text}` : p.text)),
    checked: parts.filter((p) => p.ticked).map((p) => p.text),
  };
}

/**
 * In a filled-in form, a line that opens with its own words («Периодичность: ☐ ежемесячно ☒ ежеквартально»)
 * is a sentence with a choice in it, not a list: it stays one line, each box as its glyph.
 */
export function formSentence(text: string, form: boolean): string | undefined {
  if (!form || text.split(CHECKBOX)[0]!.trim() === '') return undefined;
  return boxGlyphs(text);
}

/** The markers as the glyphs a reader sees: ☒ ticked, ☐ not. */
const boxGlyphs = (text: string) => text.replaceAll(CHECKBOX + CHECKED, '☒').replaceAll(CHECKBOX, '☐');

/**
 * A paragraph's block: as it is; with check boxes, a sentence with ☒ and ☐ in it (a filled-in form's line
 * that opens with its own words) or a list, the boxes its bullets (checkboxItems). The boxes are reported.
 */
export function paragraphBlock(inlines: Inline[], at: Origin, form: boolean, removals: Removal[]): Block {
  const text = inlines.map((i) => i.text).join('');
  if (!text.includes(CHECKBOX)) return { kind: 'paragraph', inlines, ...at };
  const boxes = checkboxItems(text, form);
  const count = `флажок формы ×${text.split(CHECKBOX).length - 1}`;
  if (formSentence(text, form) !== undefined) {
    removals.push({ ...at, text: count, reason: `флажки формы оставлены в тексте абзаца знаками ☒ и ☐${tickedNote(boxes.checked)}` });
    return { kind: 'paragraph', inlines: inlines.map((i) => ({ ...i, text: boxGlyphs(i.text) })), ...at };
  }
  removals.push({
    ...at,
    text: count,
    reason: `артефакт формы: флажок заменён пунктом списка${form ? ' (отметка ☒ или ☐ оставлена в тексте пункта)' : ''}${tickedNote(boxes.checked)}`,
  });
  const items = boxes.items.map((t) => tidy([{ text: t }])).filter((i) => i.length > 0);
  return { kind: 'list', ordered: false, items: items.map((i) => ({ inlines: i, depth: 0 })), ...at };
}

/** For the report: which boxes of a form were ticked. */
function tickedNote(checked: readonly string[]): string {
  return checked.length ? `; отмечено: ${checked.map((c) => `«${c.slice(0, 80)}»`).join(', ')}` : '';
}
