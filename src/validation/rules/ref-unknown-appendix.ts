import { refsOfKind } from '../entries.ts';
import { recordRefs } from '../record-refs.ts';
import { defineRule } from '../rule.ts';

/** «Приложение 3» names an appendix of the same document; `{ code, appendix }` in records, of that document. */
export default defineRule({ id: 'ref/unknown-appendix', severity: 'error', description: 'приложение с таким номером существует' }, (context) => {
  const { lookup, report } = context;
  for (const { doc, entry, ref } of refsOfKind(context, 'appendix')) {
    if (doc.appendices.some((a) => a.data.number === ref.number)) continue;
    const existing = doc.appendices.map((a) => a.data.number).join(', ') || 'нет ни одного';
    report({ file: entry.file, offset: ref.offset }, `у документа ${doc.code} нет приложения ${ref.number} (приложения: ${existing}); проверьте номер или добавьте documents/${doc.folder}/appendices/${ref.number}.mdx`);
  }
  for (const { record, field, value } of recordRefs(context, 'document')) {
    const { code, appendix } = value as { code: string; appendix?: number };
    const doc = lookup.documents.get(code);
    if (!doc || appendix === undefined || doc.appendices.some((a) => a.data.number === appendix)) continue;
    const have = doc.appendices.map((a) => a.data.number).join(', ');
    report({ value: record, field: [...field, 'appendix'] }, `у документа ${code} нет приложения ${appendix}${have ? `; приложения: ${have}` : ''}`);
  }
});
