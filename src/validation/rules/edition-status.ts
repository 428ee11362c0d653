import { defineRule } from '../rule.ts';

/** The typed status agrees with the dates and the cancellation block. */
export default defineRule(
  { id: 'edition/status', severity: 'error', description: 'статус редакции согласован с датами и блоком отмены' },
  ({ corpus, report }) => {
    for (const doc of corpus.documents) {
      const withCancellation = doc.editions.filter((e) => e.data.cancelled);
      for (const edition of doc.editions) {
        const { status: typed, approved, effective, cancelled, version } = edition.data;
        if (typed !== 'проект' && (!approved || !effective)) {
          const missing = [!approved && 'approved', !effective && 'effective'].filter(Boolean).join(' и ');
          report(
            { value: edition, field: ['status'] },
            `редакция ${version} со статусом «${typed}» без даты ${missing}: укажите даты утверждения и введения в действие или поставьте статус «проект»`,
          );
        }
        if (typed === 'отменена' && !cancelled) {
          report(
            { value: edition, field: ['status'] },
            `у отменённой редакции ${version} нет блока cancelled: укажите cancelled.date (дату отмены), cancelled.act и, если есть, cancelled.replacedBy`,
          );
        }
        if (cancelled && typed !== 'отменена') {
          report(
            { value: edition, field: ['cancelled'] },
            `блок cancelled есть, а статус редакции ${version} — «${typed}»: поставьте status: отменена или удалите cancelled`,
          );
        }
      }
      for (const edition of withCancellation.slice(0, -1)) {
        const last = withCancellation.at(-1)?.data.version;
        report(
          { value: edition, field: ['cancelled'] },
          `документ отменяется один раз: блок cancelled есть и в редакции ${last}; оставьте его только в последней редакции`,
        );
      }
    }
  },
);
