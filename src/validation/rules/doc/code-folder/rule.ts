import { codeSlug } from '../../../../lib/codes.ts';
import { defineRule } from '../../../rule.ts';

/** A document's folder is the transliteration of its code: the code's stable address. */
export default defineRule({ id: 'doc/code-folder', severity: 'error', description: 'папка документа — транслитерация его кода' }, ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      const expected = codeSlug(edition.data.code);
      if (expected !== doc.folder) {
        report(
          { value: edition, field: ['code'] },
          `код ${edition.data.code} не соответствует папке «${doc.folder}»: переименуйте папку в «documents/${expected}/» или исправьте код`,
        );
      }
    }
  }
});
