import { cyrillicPrefixFor } from '../../../../lib/codes.ts';
import { refsOfKind } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/** `ПT-035` with a Latin T looks right and links nowhere: name the Cyrillic spelling. */
export default defineRule({ id: 'ref/latin-code', severity: 'error', description: 'код документа написан кириллицей' }, (context) => {
  const { lookup, report } = context;
  for (const { entry, ref } of refsOfKind(context, 'code')) {
    const fixed = cyrillicPrefixFor(ref.prefix, lookup.types.keys());
    if (!fixed) continue;
    const latin = [...ref.prefix].filter((ch) => /[A-Z]/.test(ch)).join(', ');
    report({ file: entry.file, offset: ref.offset }, `код «${ref.raw}» набран с латинскими буквами (${latin}): напишите ${fixed}-${ref.number} кириллицей`);
  }
});
