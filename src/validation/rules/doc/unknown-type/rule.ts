import { typePrefix } from '../../../../lib/codes.ts';
import { defineRule } from '../../../rule.ts';

/** The code's prefix is a type of the document-type registry (data, not code). */
export default defineRule(
  { id: 'doc/unknown-type', severity: 'error', description: 'префикс кода есть в реестре видов документов' },
  ({ corpus, lookup, report }) => {
    // An unreadable registry is one error at its file: the codes' types are checked once it is fixed.
    if (lookup.unreadableCatalogs.has('document-types')) return;
    const known = [...lookup.types.keys()].join(', ');
    for (const doc of corpus.documents) {
      for (const edition of doc.editions) {
        const prefix = typePrefix(edition.data.code);
        if (!lookup.types.has(prefix))
          report({ value: edition, field: ['code'] }, `вид документа «${prefix}» не найден в реестре registries/document-types.json; известные: ${known}`);
      }
    }
  },
);
