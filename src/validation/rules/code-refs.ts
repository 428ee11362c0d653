import { cyrillicPrefixFor } from '../../lib/codes.ts';
import { closest } from '../schema-issues.ts';
import { refsOfKind } from '../entries.ts';
import { defineRule } from '../rule.ts';

/** «ПТ-035» in prose resolves to a document; «ПТ 035» and «ПТ‑035» are read the same way. */
export const unknownCode = defineRule('ref/unknown-code', (context) => {
  const { lookup, report } = context;
  const codes = [...lookup.documents.keys()];
  for (const { entry, ref } of refsOfKind(context, 'code')) {
    if (/[A-Z]/.test(ref.prefix)) continue;
    const hyphenated = /[-‐‑‒–—]/.test(ref.raw);
    if (!hyphenated && !lookup.types.has(ref.prefix)) continue;
    const code = `${ref.prefix}-${ref.number}`;
    if (lookup.documents.has(code)) continue;
    const hint = closest(code, codes);
    report({ file: entry.file, offset: ref.offset }, `документ ${code} не найден в реестре НД${hint ? `: возможно, имелся в виду ${hint}` : ''}; проверьте код или добавьте документ в content/documents/`);
  }
});

/** `ПT-035` with a Latin T looks right and links nowhere: name the Cyrillic spelling. */
export const latinCode = defineRule('ref/latin-code', (context) => {
  const { lookup, report } = context;
  for (const { entry, ref } of refsOfKind(context, 'code')) {
    const fixed = cyrillicPrefixFor(ref.prefix, lookup.types.keys());
    if (!fixed) continue;
    const latin = [...ref.prefix].filter((ch) => /[A-Z]/.test(ch)).join(', ');
    report({ file: entry.file, offset: ref.offset }, `код «${ref.raw}» набран с латинскими буквами (${latin}): напишите ${fixed}-${ref.number} кириллицей`);
  }
});

export default [unknownCode, latinCode];
