import { defineRule } from '../rule.ts';

export default defineRule({ id: 'doc/duplicate-version', severity: 'error', description: 'номер редакции уникален в документе' }, ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const seen = new Set<string>();
    for (const edition of doc.editions) {
      if (seen.has(edition.data.version))
        report({ value: edition, field: ['version'] }, `редакция ${edition.data.version} документа ${doc.code} уже есть: дайте этой редакции следующий номер`);
      seen.add(edition.data.version);
    }
  }
});
