import { defineRule } from '../../../rule.ts';

export default defineRule({ id: 'doc/duplicate-code', severity: 'error', description: 'код документа уникален' }, ({ corpus, report }) => {
  const seen = new Map<string, string>();
  for (const doc of corpus.documents) {
    const other = seen.get(doc.code);
    const edition = doc.editions.at(-1);
    if (other && edition)
      report({ value: edition, field: ['code'] }, `код ${doc.code} уже занят документом в папке «documents/${other}/»: у каждого документа свой код`);
    else seen.set(doc.code, doc.folder);
  }
});
