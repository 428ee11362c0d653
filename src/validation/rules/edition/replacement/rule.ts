import type { DocumentEntry } from '../../../../model/corpus.ts';
import { cancellationOf } from '../../../../model/editions.ts';
import { documentExists } from '../../../../model/lookup.ts';
import { circleThrough } from '../../../../lib/circle.ts';
import { defineRule } from '../../../rule.ts';

/** `cancelled.replacedBy` names an existing document other than itself, and replacements do not go round in a circle. */
export default defineRule(
  { id: 'edition/replacement', severity: 'error', description: 'отменённый документ заменён существующим другим документом, без круговых замен' },
  ({ corpus, lookup, report }) => {
    const successorOf = (doc: DocumentEntry) => cancellationOf(doc.editions)?.replacedBy;
    const reportedCycles = new Set<string>();
    for (const doc of corpus.documents) {
      for (const edition of doc.editions) {
        const successor = edition.data.cancelled?.replacedBy;
        if (!successor) continue;
        const at = { value: edition, field: ['cancelled', 'replacedBy'] };
        if (successor === doc.code) {
          report(at, `документ ${doc.code} не может заменять сам себя: укажите в cancelled.replacedBy код документа-преемника или удалите это поле`);
        } else if (!documentExists(lookup, successor)) {
          report(at, `заменяющий документ ${successor} не найден в реестре НД: укажите код существующего документа или удалите cancelled.replacedBy`);
        } else if (edition.data.cancelled === cancellationOf(doc.editions)) {
          const circle = circleThrough(doc.code, (code) => {
            const next = lookup.documents.get(code);
            return next ? successorOf(next) : undefined;
          });
          if (!circle) continue;
          // One finding per cycle, at the member with the first code: breaking any link fixes it.
          const key = circle.slice(1).sort().join(' ');
          if (reportedCycles.has(key)) continue;
          reportedCycles.add(key);
          report(
            at,
            `замены документов замкнуты в круг: ${circle.join(' → ')}; цепочка замен должна заканчиваться действующим документом — исправьте cancelled.replacedBy в одном из них`,
          );
        }
      }
    }
  },
);
