import { defineRule } from '../../../rule.ts';

export default defineRule({ id: 'doc/duplicate-appendix', severity: 'error', description: 'номер приложения уникален в документе' }, ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const seen = new Set<number>();
    for (const appendix of doc.appendices) {
      if (seen.has(appendix.data.number)) report({ value: appendix, field: ['number'] }, `приложение ${appendix.data.number} у документа ${doc.code} уже есть`);
      seen.add(appendix.data.number);
    }
  }
});
