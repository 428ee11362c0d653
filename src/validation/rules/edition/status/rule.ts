import { defineRule } from '../../../rule.ts';

/**
 * The typed status agrees with the dates and the cancellation block, and with the calendar: a draft
 * whose effective date has passed would leave the old edition in force while the site announces the
 * draft as coming; an edition approved on a future date is not approved yet.
 */
export default defineRule(
  { id: 'edition/status', severity: 'error', description: 'статус редакции согласован с датами, блоком отмены и датой проверки' },
  ({ corpus, buildDate, report }) => {
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
        if (typed === 'проект' && effective && effective <= buildDate) {
          report(
            { value: edition, field: ['status'] },
            `редакция ${version} — «проект», а дата введения в действие ${effective} уже наступила (проверка на ${buildDate}): если редакция утверждена, поставьте status: утверждена и укажите approved и act; если нет — перенесите effective на будущую дату`,
          );
        }
        if (typed === 'утверждена' && approved && approved > buildDate) {
          report(
            { value: edition, field: ['approved'] },
            `редакция ${version} «утверждена» ${approved} — эта дата ещё не наступила (проверка на ${buildDate}): до утверждения поставьте status: проект, иначе исправьте дату approved`,
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
