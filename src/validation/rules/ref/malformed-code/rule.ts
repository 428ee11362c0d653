import { damerau } from '../../../../lib/did-you-mean.ts';
import { refsOfKind } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/**
 * «ПТ-35», «ПТ-53», «ПТ-0353»: a known type prefix, a hyphen and a number that is not three digits —
 * a code mistyped, which no other rule sees (a code has exactly three digits). Proposes the real code
 * of the same type whose number is a near miss: the same digits without leading zeros, or one digit
 * added, dropped, changed or two swapped.
 */
export default defineRule({ id: 'ref/malformed-code', severity: 'error', description: 'код документа записан полностью: вид, дефис, три цифры' }, (context) => {
  const { lookup, report } = context;
  for (const { entry, ref } of refsOfKind(context, 'malformed-code')) {
    const type = lookup.types.get(ref.prefix);
    if (!type) continue;
    const near = nearestCode(ref.prefix, ref.number, lookup.documents.keys());
    report(
      { file: entry.file, offset: ref.offset },
      `«${ref.raw}» — не код документа: в коде после дефиса три цифры${near ? `; возможно, имелся в виду ${near}` : '; проверьте номер в реестре НД'}`,
    );
  }
});

/** The code of the same prefix whose number is the closest near miss of `number`, if any. */
export function nearestCode(prefix: string, number: string, codes: Iterable<string>): string | undefined {
  const digits = number.replace(/^0+(?=\d)/, '');
  let best: string | undefined;
  let bestDistance = 2;
  for (const code of codes) {
    const [p, n = ''] = code.split('-');
    if (p !== prefix) continue;
    const d = damerau(digits, n.replace(/^0+(?=\d)/, ''));
    if (d < bestDistance) [best, bestDistance] = [code, d];
  }
  return best;
}
