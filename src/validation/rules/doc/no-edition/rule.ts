import { defineRule } from '../../../rule.ts';

/**
 * A document folder with appendices but no edition file. An edition file that exists but could not be
 * read (a new document whose fields still say «ЗАПОЛНИТЬ»), or is misnamed (`1.0.MDX`, `Editions/`), has
 * its own findings: no second one here.
 */
export default defineRule({ id: 'doc/no-edition', severity: 'error', description: 'у документа есть хотя бы одна редакция' }, ({ corpus, lookup, report }) => {
  for (const doc of corpus.documents) {
    const appendix = doc.appendices[0];
    if (doc.editions.length === 0 && appendix && !lookup.unreadable.has(doc.folder))
      report({ value: appendix }, `у документа в папке «documents/${doc.folder}/» нет ни одной редакции: добавьте editions/<номер>.mdx`);
  }
});
