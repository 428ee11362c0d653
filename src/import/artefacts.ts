import { describeInvisible, INVISIBLE_RE } from '../lib/invisible.ts';
import { blockText, type Block, type Inline, type Removal } from './blocks.ts';
import { PAGE_NUMBER_RE } from './pdf-running.ts';

const shape = (text: string) =>
  text
    .replace(/\d+/g, '#')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();

/** A running head's shape: a page number in words («стр. #», «# из #», «page #») or a document code («пт-#»). */
const RUNNING_SHAPE = /(?:^|[^\p{L}])(?:стр\.?|страница|page)\s*#|#\s*(?:из|of)\s*#|(?:^|[^\p{L}])\p{L}{2,4}-#/u;

/**
 * Running page headers and footers left inside the text by an export, found by repetition: a
 * paragraph or table that occurs two or more times, word for word (numbers aside), is not content.
 * Each occurrence becomes a page break, so the sentence it split can be rejoined. A word processor keeps
 * its page headers in parts of their own (`shapedOnly`): there a repeated paragraph («Не применяется.»,
 * «Примечание.») is the author's, and only one shaped like a running head (a page number in words, a
 * code) is taken for one left in the text.
 */
export function removeRepeated(blocks: Block[], shapedOnly = false): { blocks: Block[]; removals: Removal[] } {
  const counts = new Map<string, number>();
  const key = (b: Block) => {
    if (b.kind !== 'paragraph' && b.kind !== 'table') return '';
    const k = shape(blockText(b));
    return shapedOnly && !RUNNING_SHAPE.test(k) ? '' : k;
  };
  for (const b of blocks) {
    const k = key(b);
    if (k.length >= 8 && k.length <= 400) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const removals: Removal[] = [];
  const out = blocks.map((b): Block => {
    const n = counts.get(key(b)) ?? 0;
    if (n < 2) return b;
    removals.push({
      line: b.line,
      ...(b.page ? { page: b.page } : {}),
      text: blockText(b).replace(/\s+/g, ' ').trim(),
      reason: `колонтитул страницы: повторяется ${n} ${n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'раза' : 'раз'}`,
    });
    return { kind: 'break', line: b.line, ...(b.page ? { page: b.page } : {}) };
  });
  return { blocks: out, removals };
}

/**
 * Page numbers that an export left as paragraphs of their own. In a word processor's file (`wordsOnly`)
 * a bare number is the author's («5» under «Срок хранения, лет»): only «стр. 5», «5 из 12» count there.
 */
export function removePageNumbers(blocks: Block[], wordsOnly = false): { blocks: Block[]; removals: Removal[] } {
  const removals: Removal[] = [];
  const out = blocks.map((b): Block => {
    if (b.kind !== 'paragraph' || !PAGE_NUMBER_RE.test(blockText(b))) return b;
    if (wordsOnly && /^[-–—\s]*\d+[-–—\s]*$/.test(blockText(b))) return b;
    removals.push({ line: b.line, ...(b.page ? { page: b.page } : {}), text: blockText(b), reason: 'номер страницы' });
    return { kind: 'break', line: b.line, ...(b.page ? { page: b.page } : {}) };
  });
  return { blocks: out, removals };
}

/**
 * The prompts Word shows in an empty form field («Щёлкните здесь, чтобы ввести текст.», «Место для ввода
 * даты.», «Click or tap here to enter text.»), in Russian and English Word of every version since 2007. A
 * DOCX marks them and loses them earlier (docx-objects.ts); a PDF, a page or a text export printed them
 * as text, and they would be published as the document's words. Only the whole prompt with its full stop:
 * «Выберите элемент меню» in a procedure is text.
 */
const PROMPT =
  /(?:Щ[её]лкните(?: или коснитесь)?(?: здесь)?,? чтобы ввести (?:текст|дату)|Место для ввода (?:текста|даты)|Выберите элемент|Click(?: or tap)?(?: here)? to enter (?:text|a date)|Choose an item)\.(?=\s|$)/giu;

const INVISIBLE_ALL = new RegExp(INVISIBLE_RE.source, 'gu');

/** Text a reader could not know: private-use characters are a symbol font's pictures, invisible without it. */
const PRIVATE_USE_ALL = /[\ue000-\uf8ff]/gu;

/**
 * Word's prompts of empty form fields and invisible characters taken out (a soft hyphen «ин\u00ADструкция»
 * or a zero-width space is part of the word search indexes and of the code the checker reads), private-use characters
 * named; all reported, invisible ones as a count per paragraph and kind.
 */
export function removeInvisibleAndPrompts(blocks: Block[]): { blocks: Block[]; removals: Removal[] } {
  const removals: Removal[] = [];
  const invisible = new Map<Block, Map<string, number>>();
  const clean = (text: string, at: Block) =>
    text
      .replace(INVISIBLE_ALL, (ch) => {
        const counts = invisible.get(at) ?? new Map<string, number>();
        invisible.set(at, counts.set(ch, (counts.get(ch) ?? 0) + 1));
        return '';
      })
      .replace(PROMPT, (prompt) => {
        removals.push({
          line: at.line,
          ...(at.page ? { page: at.page } : {}),
          text: prompt,
          reason: 'подсказка незаполненного поля формы Word не перенесена — заполните это место в редакции',
        });
        return '';
      });
  const inlines = (list: Inline[], at: Block) => list.map((i) => ({ ...i, text: clean(i.text, at) }));
  const out = blocks.map((b): Block => {
    if (b.kind === 'paragraph' || b.kind === 'heading') return { ...b, inlines: inlines(b.inlines, b) };
    if (b.kind === 'list') return { ...b, items: b.items.map((item) => ({ ...item, inlines: inlines(item.inlines, b) })) };
    if (b.kind === 'table') return { ...b, rows: b.rows.map((row) => row.map((cell) => clean(cell, b))) };
    return b;
  });
  for (const [b, counts] of invisible)
    for (const [ch, n] of counts)
      removals.push({
        line: b.line,
        ...(b.page ? { page: b.page } : {}),
        text: `${describeInvisible(ch)} ×${n}`,
        reason: 'невидимый символ удалён: он не виден, но мешает искать слово и проверять коды',
      });
  for (const b of out) {
    const found = [...new Set(blockText(b).match(PRIVATE_USE_ALL) ?? [])];
    if (found.length)
      removals.push({
        line: b.line,
        ...(b.page ? { page: b.page } : {}),
        text: found.map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`).join(', '),
        reason:
          'знак символьного шрифта (Symbol, Wingdings) без этого шрифта не виден, а из этого формата не узнать, какой он: замените его в редакции словом или символом',
      });
  }
  return { blocks: out, removals };
}
