import { typeNameForms } from '../../lib/type-forms.ts';
import { levenshtein } from '../did-you-mean.ts';
import { refsOfKind } from '../entries.ts';
import { defineRule } from '../rule.ts';

/** The one or two words right before a code, with where they start. */
const WORDS_BEFORE = /(\p{L}+)(?:[\s\u00a0]+(\p{L}+))?[\s\u00a0]+$/u;

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
    for (const { entry, ref } of refsOfKind(context, 'code')) {
      const own = forms.get(ref.prefix);
      if (!own) continue;
      const before = String(entry.file.value).slice(Math.max(0, ref.offset - 80), ref.offset);
      const m = WORDS_BEFORE.exec(before);
      if (!m) continue;
      const start = ref.offset - before.length + m.index;
      // One word («Политике»), or two for a type named by two («Стандарту качества»).
      const candidates = [
        { text: m[2] ?? m[1]!, offset: m[2] ? start + m[0].indexOf(m[2], m[1]!.length) : start },
        ...(m[2] ? [{ text: `${m[1]} ${m[2]}`, offset: start }] : []),
      ];
      // Only a capitalised word names a type: «решением руководства ПТ-035» is about management.
      const found = judge(
        candidates.filter((c) => /^\p{Lu}/u.test(c.text)),
        ref.prefix,
        forms,
      );
      if (!found) continue;
      const right = matchCase(found.word, own[found.index]!);
      const code = `${ref.prefix}-${ref.number}`;
      const typeName = lookup.types.get(ref.prefix)!.name.toLowerCase();
      const reason =
        found.prefix === ref.prefix
          ? `«${found.word} ${code}»: опечатка в названии вида документа — напишите «${right} ${code}»`
          : `«${found.word} ${code}»: ${code} — ${typeName} (вид ${ref.prefix}), а не ${lookup.types.get(found.prefix)!.name.toLowerCase()} (${found.prefix}); напишите «${right} ${code}» или проверьте код`;
      report({ file: entry.file, offset: found.offset }, reason);
    }
  },
);

interface Found {
  word: string;
  offset: number;
  /** The type the word names (or is a misspelling of), and the form's index (case and number). */
  prefix: string;
  index: number;
}

/** A type word that is wrong: another type's form, or a near miss of any form. Undefined when it is right or not a type word. */
function judge(candidates: Array<{ text: string; offset: number }>, prefix: string, forms: Map<string, string[]>): Found | undefined {
  for (const { text } of candidates) {
    if (forms.get(prefix)!.some((form) => form.toLowerCase() === text.toLowerCase())) return undefined;
  }
  for (const { text, offset } of candidates)
    for (const [other, list] of forms) {
      const index = list.findIndex((form) => form.toLowerCase() === text.toLowerCase());
      if (index !== -1 && list[index]!.split(' ').length === text.split(' ').length) return { word: text, offset, prefix: other, index };
    }
  let best: (Found & { distance: number }) | undefined;
  for (const { text, offset } of candidates) {
    if (text.length < 6) continue;
    const limit = text.length < 9 ? 1 : 2;
    for (const [other, list] of forms)
      list.forEach((form, index) => {
        if (form.split(' ').length !== text.split(' ').length) return;
        const distance = levenshtein(text.toLowerCase(), form.toLowerCase());
        if (distance <= limit && (!best || distance < best.distance)) best = { word: text, offset, prefix: other, index, distance };
      });
  }
  return best;
}

/** The right form, capitalised as the author's word is. */
const matchCase = (_written: string, form: string) => form[0]!.toUpperCase() + form.slice(1);
