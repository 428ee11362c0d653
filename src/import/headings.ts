import type { Block, Inline } from './blocks.ts';
import { blockText } from './blocks.ts';

const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s+/;

/** Level of a heading: from its numbering where it has one («3.1.» → 3), else the source level, at least 2. */
export function headingLevel(text: string, sourceLevel: number): number {
  const number = NUMBERED.exec(text)?.[1];
  if (number) return Math.min(6, number.split('.').length + 1);
  return Math.min(6, Math.max(2, sourceLevel));
}

/** How the document itself spells each word in running text: «группы» → «Группы», «мтс» → «МТС». */
export function vocabulary(blocks: Block[]): Map<string, string> {
  const tally = new Map<string, Map<string, number>>();
  for (const b of blocks) {
    if (b.kind === 'heading') continue;
    for (const word of blockText(b).match(/[А-ЯЁа-яёA-Za-z]+/g) ?? []) {
      const forms = tally.get(word.toLowerCase()) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      tally.set(word.toLowerCase(), forms);
    }
  }
  const best = new Map<string, string>();
  for (const [lower, forms] of tally) {
    // A capital at a sentence start says nothing; prefer the lower-case form when both occur.
    const sorted = [...forms.entries()].sort((a, b) => b[1] - a[1]);
    const chosen = forms.has(lower) && sorted[0]![0] !== sorted[0]![0].toUpperCase() ? lower : sorted[0]![0];
    best.set(lower, chosen);
  }
  return best;
}

/** «ПОЛИТИКА ГРУППЫ МТС В ОБЛАСТИ…» → «Политика Группы МТС в области…»; mixed case is left alone. */
export function recase(inlines: Inline[], words: Map<string, string>, body = ''): Inline[] {
  const text = inlines.map((i) => i.text).join('');
  const letters = text.replace(/[^А-ЯЁа-яёA-Za-z]/g, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) return inlines;
  const tokens = text.match(/[А-ЯЁа-яёA-Za-z]+/g) ?? [];
  const spelled = tokens.map((w) => words.get(w.toLowerCase()) ?? w.toLowerCase());
  // A phrase the body also uses («Группы МТС») is spelled as the body spells it: names keep their capitals.
  for (let n = Math.min(4, tokens.length); n >= 2; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const re = new RegExp(`(?<![А-ЯЁа-яёA-Za-z])${tokens.slice(i, i + n).join('[\\s\\u00a0]+')}(?![А-ЯЁа-яёA-Za-z])`, 'i');
      const found = re.exec(body)?.[0].split(/[\s\u00a0]+/);
      if (found && found.length === n && found.slice(1).some((w) => w[0] !== w[0]!.toLowerCase())) found.forEach((w, k) => (spelled[i + k] = w));
    }
  }
  let k = 0;
  const recased = text.replace(/[А-ЯЁа-яёA-Za-z]+/g, () => {
    let out = spelled[k]!;
    if (k === 0) out = out[0]!.toUpperCase() + out.slice(1);
    k += 1;
    return out;
  });
  return [{ text: recased }];
}
