import { defineRule } from '../rule.ts';

export default defineRule({ id: 'doc/no-edition', severity: 'error', description: 'у документа есть хотя бы одна редакция' }, ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const appendix = doc.appendices[0];
    if (doc.editions.length === 0 && appendix)
      report({ value: appendix }, `у документа в папке «documents/${doc.folder}/» нет ни одной редакции: добавьте editions/<номер>.mdx`);
  }
});
