import { cancellationOf } from '../../../../model/editions.ts';
import { approvedEditions, tiedInForce } from '../../../edition-ties.ts';
import { defineRule } from '../../../rule.ts';

/** Each later version is approved and takes effect later than the previous one; nothing takes effect after cancellation. */
export default defineRule(
  {
    id: 'edition/order',
    severity: 'error',
    description: 'номера и даты редакций растут: более поздняя редакция утверждена и введена позже; после отмены новых редакций нет',
  },
  ({ corpus, buildDate, report }) => {
    for (const doc of corpus.documents) {
      const tied = new Set(tiedInForce(doc.editions, buildDate));
      const approved = approvedEditions(doc.editions);
      approved.forEach((edition, index) => {
        for (const field of ['approved', 'effective'] as const) {
          const value = edition.data[field];
          const previous = approved.slice(0, index).findLast((e) => e.data[field] !== undefined);
          const before = previous?.data[field];
          if (!value || !previous || !before || value > before) continue;
          // Two files claiming one version have no order between them: doc/duplicate-version names the copy.
          if (previous.data.version === edition.data.version) continue;
          // Two editions in force the same day are one-in-force's finding; do not report it twice.
          if (field === 'effective' && value === before && tied.has(edition) && tied.has(previous)) continue;
          const what = field === 'approved' ? 'утверждена' : 'вводится в действие';
          const when =
            value === before
              ? `в один день с предыдущей редакцией ${previous.data.version}`
              : `раньше предыдущей редакции ${previous.data.version} (${before})`;
          report(
            { value: edition, field: [field] },
            `редакция ${edition.data.version} ${what} ${value}, ${when}: у более поздней редакции даты утверждения и введения в действие позже — исправьте дату или номер редакции`,
          );
        }
      });
      // Only a written cancellation date counts here; a status without one is edition/status's finding.
      const cancellation = cancellationOf(doc.editions.filter((e) => e.data.cancelled));
      if (!cancellation) continue;
      for (const edition of approved) {
        const effective = edition.data.effective;
        if (edition.data.cancelled && effective && edition.data.cancelled.date < effective) {
          report(
            { value: edition, field: ['cancelled', 'date'] },
            `документ отменён ${edition.data.cancelled.date}, раньше введения в действие этой редакции (${effective}): дата отмены не может быть раньше даты введения в действие`,
          );
        } else if (!edition.data.cancelled && effective && effective >= cancellation.date) {
          report(
            { value: edition, field: ['effective'] },
            `редакция ${edition.data.version} вводится в действие ${effective}, когда документ уже отменён (${cancellation.date}): отменённый документ не получает новых редакций — исправьте дату или отмену`,
          );
        }
      }
    }
  },
);
