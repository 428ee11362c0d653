import type { Located } from '../../../../model/corpus.ts';
import { legacyAddress, legacyPath, legacyQuery, type LegacyRedirect } from '../../../../schemas/legacy-urls.ts';
import { defineRule } from '../../../rule.ts';

/**
 * Old addresses lead somewhere: each `from` once (two documents for one old address would make the
 * redirect a guess; compared by path, as the server matches), to a document and edition that exist.
 */
export default defineRule(
  { id: 'registry/legacy-url', severity: 'error', description: 'старые адреса (legacy-urls.json) не повторяются и ведут на существующие документы и редакции' },
  ({ corpus, report }) => {
    const seen = new Map<string, number>();
    for (const file of corpus.records.get('legacy-urls') ?? []) {
      const redirects = (file.data as { redirects: LegacyRedirect[] }).redirects;
      redirects.forEach((r, index) => {
        const entry: Located<unknown> = { ...file, at: ['redirects', index] };
        const key = legacyAddress(legacyPath(r.from), legacyQuery(r.from)).toLowerCase();
        const first = seen.get(key);
        if (first !== undefined)
          report({ value: entry, field: ['from'] }, `старый адрес «${r.from}» уже есть в записи ${first + 1}: у адреса одна цель, удалите повтор`);
        else seen.set(key, index);
        const doc = corpus.documents.find((d) => d.code === r.code);
        if (!doc) report({ value: entry, field: ['code'] }, `документа ${r.code} нет в content/documents: переадресация «${r.from}» вела бы в никуда`);
        else if (r.version && !doc.editions.some((e) => e.data.version === r.version))
          report(
            { value: entry, field: ['version'] },
            `у документа ${r.code} нет редакции ${r.version}; есть: ${doc.editions.map((e) => e.data.version).join(', ')}`,
          );
      });
    }
  },
);
