import { typeNameForms } from '../../../../lib/type-forms.ts';
import { levenshtein } from '../../../../lib/did-you-mean.ts';
import { refsOfKind } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

const LETTER = /\p{L}/u;
const SPACE = /[\s\u00a0]/;

/** The word that ends at `end` (exclusive) after skipping spaces back from it: [start, end) of the word. */
function wordBefore(text: string, from: number): [number, number] | undefined {
  let end = from;
  while (end > 0 && SPACE.test(text[end - 1]!)) end--;
  if (end === from) return undefined;
  let start = end;
  while (start > 0 && LETTER.test(text[start - 1]!)) start--;
  return start === end ? undefined : [start, end];
}

/**
 * «к Процедуре ПТ-035» when ПТ is Политика, «к Полтике ПТ-035»: the type word before a code names
 * another type of document or is misspelled. The case forms come from the type names in
 * registries/document-types.json; the fix keeps the case the author wrote.
 */
export default defineRule(
  { id: 'ref/type-word', severity: 'error', description: 'вид документа перед кодом совпадает с видом по коду и написан без опечаток' },
  (context) => {
    const { lookup, report } = context;
    const forms = new Map([...lookup.types].map(([prefix, type]) => [prefix, typeNameForms(type.name)]));
    // A corpus puts the same few words before its codes thousands of times: each pair is judged once.
    const judged = new Map<string, (Found & { second: boolean }) | undefined>();
    for (const { entry, ref } of refsOfKind(context, 'code')) {
      const own = forms.get(ref.prefix);
      if (!own) continue;
      const text = String(entry.file.value);
      const last = wordBefore(text, ref.offset);
      if (!last) continue;
      const previous = wordBefore(text, last[0]);
      const word = text.slice(...last);
      const pair = previous ? `${text.slice(...previous)} ${word}` : undefined;
      // Only a capitalised word names a type: «решением руководства ПТ-035» is about management.
      if (!/^\p{Lu}/u.test(word) && !(pair && /^\p{Lu}/u.test(pair))) continue;
      const key = `${ref.prefix}\0${pair ?? word}`;
      if (!judged.has(key)) {
        // One word («Политике»), or two for a type named by two («Стандарту качества»).
        const candidates = [{ text: word, second: false }, ...(pair ? [{ text: pair, second: true }] : [])].filter((c) => /^\p{Lu}/u.test(c.text));
        const verdict = judge(candidates, ref.prefix, forms);
        judged.set(key, verdict && { ...verdict, second: candidates.find((c) => c.text === verdict.word)!.second });
      }
      const found = judged.get(key);
      if (!found) continue;
      const right = matchCase(found.word, own[found.index]!);
      const code = `${ref.prefix}-${ref.number}`;
      const typeName = lookup.types.get(ref.prefix)!.name.toLowerCase();
      const reason =
        found.prefix === ref.prefix
          ? `«${found.word} ${code}»: опечатка в названии вида документа — напишите «${right} ${code}»`
          : `«${found.word} ${code}»: ${code} — ${typeName} (вид ${ref.prefix}), а не ${lookup.types.get(found.prefix)!.name.toLowerCase()} (${found.prefix}); напишите «${right} ${code}» или проверьте код`;
      report({ file: entry.file, offset: found.second ? previous![0] : last[0] }, reason);
    }
  },
);

interface Found {
  word: string;
  /** The type the word names (or is a misspelling of), and the form's index (case and number). */
  prefix: string;
  index: number;
}

/** A type word that is wrong: another type's form, or a near miss of any form. Undefined when it is right or not a type word. */
function judge(candidates: Array<{ text: string }>, prefix: string, forms: Map<string, string[]>): Found | undefined {
  for (const { text } of candidates) {
    if (forms.get(prefix)!.some((form) => form.toLowerCase() === text.toLowerCase())) return undefined;
  }
  for (const { text } of candidates)
    for (const [other, list] of forms) {
      const index = list.findIndex((form) => form.toLowerCase() === text.toLowerCase());
      if (index !== -1 && list[index]!.split(' ').length === text.split(' ').length) return { word: text, prefix: other, index };
    }
  let best: (Found & { distance: number }) | undefined;
  for (const { text } of candidates) {
    if (text.length < 6) continue;
    const limit = text.length < 9 ? 1 : 2;
    for (const [other, list] of forms)
      list.forEach((form, index) => {
        if (Math.abs(form.length - text.length) > limit || form.split(' ').length !== text.split(' ').length) return;
        const distance = levenshtein(text.toLowerCase(), form.toLowerCase());
        if (distance <= limit && (!best || distance < best.distance)) best = { word: text, prefix: other, index, distance };
      });
  }
  return best;
}

/** The right form, capitalised as the author's word is. */
const matchCase = (_written: string, form: string) => form[0]!.toUpperCase() + form.slice(1);
