import type { DocumentEntry, EditionEntry } from '../../../../model/corpus.ts';
import { documentStatus, type DocumentStatus } from '../../../../model/editions.ts';
import { defineRule, type RuleContext } from '../../../rule.ts';

/** How a cited document ended, in the words of the fix. */
function replacementHint(code: string, date: string, successor: string | undefined): string {
  return successor
    ? `документ ${code} отменён с ${date} и заменён документом ${successor}: сошлитесь на ${successor}`
    : `документ ${code} отменён с ${date}: уберите ссылку или сошлитесь на действующий документ`;
}

/** A document in force does not cite, in prose or in its references, a document cancelled at the build's date. */
export default defineRule(
  { id: 'edition/cites-cancelled', severity: 'error', description: 'действующий документ не ссылается на отменённый' },
  (context: RuleContext) => {
    const { corpus, lookup, extracted, buildDate, report } = context;
    const statuses = new Map<string, DocumentStatus<EditionEntry>>();
    const statusOf = (doc: DocumentEntry) => {
      let status = statuses.get(doc.code);
      if (!status) statuses.set(doc.code, (status = documentStatus(doc.editions, buildDate)));
      return status;
    };
    const cancelled = (code: string, self: string) => {
      const cited = code === self ? undefined : lookup.documents.get(code);
      const status = cited && statusOf(cited);
      return status?.state === 'cancelled' ? status : undefined;
    };
    for (const doc of corpus.documents) {
      const current = statusOf(doc).current?.edition;
      if (!current) continue;
      // Appendices have no editions of their own: they are in force with the document.
      for (const entry of [current, ...doc.appendices]) {
        for (const ref of extracted.get(entry.id)?.refs ?? []) {
          if (ref.kind !== 'code') continue;
          const code = `${ref.prefix}-${ref.number}`;
          const status = cancelled(code, doc.code);
          if (status) report({ file: entry.file, offset: ref.offset }, replacementHint(code, status.cancelledOn ?? '', status.replacedBy));
        }
      }
      current.data.references.forEach((reference, index) => {
        const status = cancelled(reference.cite, doc.code);
        if (status)
          report({ value: current, field: ['references', index, 'cite'] }, replacementHint(reference.cite, status.cancelledOn ?? '', status.replacedBy));
      });
    }
  },
);
