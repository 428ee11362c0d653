import { refsOfKind } from '../../../../analysis/entries.ts';
import { contentPaths } from '../../../../lib/content-paths.ts';
import { recordRefs } from '../../../record-refs.ts';
import { defineRule } from '../../../rule.ts';

/**
 * «Приложение 3» names an appendix of the same document, «Приложение 3 к ПТ-035» one of ПТ-035;
 * `{ code, appendix }` in records, of that document. An unknown cited code is ref/unknown-code's.
 */
export default defineRule({ id: 'ref/unknown-appendix', severity: 'error', description: 'приложение с таким номером существует' }, (context) => {
  const { lookup, report } = context;
  for (const { doc: citing, entry, ref } of refsOfKind(context, 'appendix')) {
    const doc = ref.document ? lookup.documents.get(ref.document) : citing;
    if (!doc || doc.appendices.some((a) => a.data.number === ref.number)) continue;
    if (lookup.unreadableAppendices.has(`${doc.folder}/${ref.number}`)) continue; // its file's own error says why
    const existing = doc.appendices.map((a) => a.data.number).join(', ') || 'нет ни одного';
    const fix =
      doc === citing
        ? `проверьте номер, добавьте ${contentPaths.appendix(doc.folder, ref.number)} или, если это приложение другого документа, допишите «к <код>»`
        : `проверьте номер или код документа после «к»`;
    report({ file: entry.file, offset: ref.offset }, `у документа ${doc.code} нет приложения ${ref.number} (приложения: ${existing}); ${fix}`);
  }
  for (const { record, field, value } of recordRefs(context, 'document')) {
    const { code, appendix } = value as { code: string; appendix?: number };
    const doc = lookup.documents.get(code);
    if (!doc || appendix === undefined || doc.appendices.some((a) => a.data.number === appendix)) continue;
    if (lookup.unreadableAppendices.has(`${doc.folder}/${appendix}`)) continue;
    const have = doc.appendices.map((a) => a.data.number).join(', ');
    report({ value: record, field: [...field, 'appendix'] }, `у документа ${code} нет приложения ${appendix}${have ? `; приложения: ${have}` : ''}`);
  }
});
