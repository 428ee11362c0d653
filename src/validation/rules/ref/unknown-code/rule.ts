import { INVISIBLE_RE } from '../../../../lib/invisible.ts';
import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { refsOfKind } from '../../../../analysis/entries.ts';
import { documentExists } from '../../../../model/lookup.ts';
import { recordRefs } from '../../../record-refs.ts';
import { defineRule, type RuleContext } from '../../../rule.ts';

const CODE = /^[А-ЯЁ]{1,4}-\d+$/;

/** A document code resolves to a document: in prose, in frontmatter references, in records. */
export default defineRule({ id: 'ref/unknown-code', severity: 'error', description: 'код документа в тексте существует' }, (context) => {
  prose(context);
  const { corpus, lookup, report } = context;
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      edition.data.references.forEach((reference, index) => {
        if (INVISIBLE_RE.test(reference.cite)) return; // ref/invisible-character names the character to delete.
        // Anything else is a standard's designation: ref/unknown-standard's finding.
        if (CODE.test(reference.cite) && !documentExists(lookup, reference.cite))
          report({ value: edition, field: ['references', index, 'cite'] }, `документ ${reference.cite} из нормативных ссылок не найден в реестре НД`);
      });
    }
  }
  for (const { record, field, value } of recordRefs(context, 'code')) {
    if (!documentExists(lookup, String(value)))
      report({ value: record, field }, `документ ${String(value)} не найден в реестре НД: укажите код существующего документа`);
  }
  for (const { record, field, value } of recordRefs(context, 'document')) {
    const code = (value as { code: string }).code;
    if (!documentExists(lookup, code))
      report({ value: record, field: [...field, 'code'] }, `документ ${code} не найден в реестре НД: укажите код существующего документа`);
  }
});

/** «ПТ-035» in prose; «ПТ 035» and «ПТ‑035» are read the same way. Latin prefixes are ref/latin-code's. */
function prose(context: RuleContext) {
  const { lookup, report } = context;
  const codes = [...lookup.documents.keys()];
  for (const { entry, ref } of refsOfKind(context, 'code')) {
    if (/[A-Z]/.test(ref.prefix)) continue;
    const hyphenated = /[-‐‑‒–—]/.test(ref.raw);
    if (!hyphenated && !lookup.types.has(ref.prefix)) continue;
    const code = `${ref.prefix}-${ref.number}`;
    if (documentExists(lookup, code)) continue;
    report(
      { file: entry.file, offset: ref.offset },
      `документ ${code} не найден в реестре НД${didYouMean(code, codes, (near) => `имелся в виду ${near}`)}; проверьте код или добавьте документ в content/documents/`,
    );
  }
}
