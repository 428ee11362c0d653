import { defineRule } from '../../../rule.ts';

export default defineRule({ id: 'doc/code-consistent', severity: 'error', description: 'все редакции документа имеют один код' }, ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      if (edition.data.code !== doc.code) {
        report(
          { value: edition, field: ['code'] },
          `в редакции ${edition.data.version} код ${edition.data.code}, а в последней редакции — ${doc.code}: у всех редакций документа один код`,
        );
      }
    }
  }
});
