import type { DocumentEntry, EditionEntry } from '../../model/corpus.ts';
import { cancellationOf, documentStatus, type DocumentStatus } from '../../model/editions.ts';
import { defineRule, type RuleContext } from '../rule.ts';

/** How a cited document ended, in the words of the fix. */
function replacementHint(code: string, date: string, successor: string | undefined): string {
  return successor
    ? `документ ${code} отменён с ${date} и заменён документом ${successor}: сошлитесь на ${successor}`
    : `документ ${code} отменён с ${date}: уберите ссылку или сошлитесь на действующий документ`;
}

/** A document in force does not cite, in prose or in its references, a document cancelled at the build's date. */
export const citesCancelled = defineRule('edition/cites-cancelled', (context: RuleContext) => {
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
      if (status) report({ value: current, field: ['references', index, 'cite'] }, replacementHint(reference.cite, status.cancelledOn ?? '', status.replacedBy));
    });
  }
});

/** `cancelled.replacedBy` names an existing document other than itself, and replacements do not go round in a circle. */
export const replacement = defineRule('edition/replacement', ({ corpus, lookup, report }) => {
  const successorOf = (doc: DocumentEntry) => cancellationOf(doc.editions)?.replacedBy;
  const reportedCycles = new Set<string>();
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      const successor = edition.data.cancelled?.replacedBy;
      if (!successor) continue;
      const at = { value: edition, field: ['cancelled', 'replacedBy'] };
      if (successor === doc.code) {
        report(at, `документ ${doc.code} не может заменять сам себя: укажите в cancelled.replacedBy код документа-преемника или удалите это поле`);
      } else if (!lookup.documents.has(successor)) {
        report(at, `заменяющий документ ${successor} не найден в реестре НД: укажите код существующего документа или удалите cancelled.replacedBy`);
      } else if (edition.data.cancelled === cancellationOf(doc.editions)) {
        const chain = [doc.code];
        let next: string | undefined = successor;
        while (next && !chain.includes(next)) {
          chain.push(next);
          const nextDoc = lookup.documents.get(next);
          next = nextDoc ? successorOf(nextDoc) : undefined;
        }
        if (next !== doc.code) continue;
        // One finding per cycle, at the member with the first code: breaking any link fixes it.
        const key = [...chain].sort().join(' ');
        if (reportedCycles.has(key)) continue;
        reportedCycles.add(key);
        report(at, `замены документов замкнуты в круг: ${[...chain, doc.code].join(' → ')}; цепочка замен должна заканчиваться действующим документом — исправьте cancelled.replacedBy в одном из них`);
      }
    }
  }
});

export default [citesCancelled, replacement];
