import { latinCodeHint } from '../../../../lib/codes.ts';
import { refsOfKind } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/** `ПT-035` with a Latin T looks right and links nowhere: name the Cyrillic spelling. */
export default defineRule({ id: 'ref/latin-code', severity: 'error', description: 'код документа написан кириллицей' }, (context) => {
  const { lookup, report } = context;
  for (const { entry, ref } of refsOfKind(context, 'code')) {
    const hint = latinCodeHint(ref.prefix, ref.number, lookup.types.keys());
    if (hint) report({ file: entry.file, offset: ref.offset }, `код «${ref.raw}» ${hint}`);
  }
});
