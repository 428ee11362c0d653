import type { EditionEntry } from '../../model/corpus.ts';
import { cancellationOf, covers, editionIntervals } from '../../model/editions.ts';
import { defineRule } from '../rule.ts';

const approvedEditions = (editions: readonly EditionEntry[]) => editions.filter((e) => e.data.status !== 'проект');

/**
 * Editions that would all be in force at the date: approved, effective on the same latest day on or
 * before it, the document not cancelled. The site shows the later version; the author must decide.
 */
function tiedInForce(editions: readonly EditionEntry[], date: string): EditionEntry[] {
  const intervals = editionIntervals(editions);
  const current = editions.find((e) => {
    const interval = intervals.get(e);
    return interval !== undefined && covers(interval, date);
  });
  if (!current) return [];
  return approvedEditions(editions).filter((e) => e.data.effective === current.data.effective);
}

/** At most one edition in force at the build's date. */
export const oneInForce = defineRule('edition/one-in-force', ({ corpus, buildDate, report }) => {
  for (const doc of corpus.documents) {
    const tied = tiedInForce(doc.editions, buildDate);
    const [first, ...others] = tied;
    for (const edition of others) {
      report(
        { value: edition, field: ['effective'] },
        `редакции ${first?.data.version} и ${edition.data.version} документа ${doc.code} вводятся в действие в один день (${edition.data.effective}), и на дату сборки ${buildDate} действовали бы обе: укажите редакции ${edition.data.version} более позднюю дату effective или оставьте одну из них проектом (status: проект)`,
      );
    }
  }
});

/** Each later version is approved and takes effect later than the previous one; nothing takes effect after cancellation. */
export const order = defineRule('edition/order', ({ corpus, buildDate, report }) => {
  for (const doc of corpus.documents) {
    const tied = new Set(tiedInForce(doc.editions, buildDate));
    const approved = approvedEditions(doc.editions);
    approved.forEach((edition, index) => {
      for (const field of ['approved', 'effective'] as const) {
        const value = edition.data[field];
        const previous = approved.slice(0, index).findLast((e) => e.data[field] !== undefined);
        const before = previous?.data[field];
        if (!value || !previous || !before || value > before) continue;
        // Two editions in force the same day are one-in-force's finding; do not report it twice.
        if (field === 'effective' && value === before && tied.has(edition) && tied.has(previous)) continue;
        const what = field === 'approved' ? 'утверждена' : 'вводится в действие';
        const when = value === before ? `в один день с предыдущей редакцией ${previous.data.version}` : `раньше предыдущей редакции ${previous.data.version} (${before})`;
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
        report({ value: edition, field: ['cancelled', 'date'] }, `документ отменён ${edition.data.cancelled.date}, раньше введения в действие этой редакции (${effective}): дата отмены не может быть раньше даты введения в действие`);
      } else if (!edition.data.cancelled && effective && effective >= cancellation.date) {
        report({ value: edition, field: ['effective'] }, `редакция ${edition.data.version} вводится в действие ${effective}, когда документ уже отменён (${cancellation.date}): отменённый документ не получает новых редакций — исправьте дату или отмену`);
      }
    }
  }
});

/** An edition takes effect on or after the day it is approved. */
export const effectiveAfterApproval = defineRule('edition/effective-after-approval', ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    for (const edition of doc.editions) {
      const { approved, effective, version } = edition.data;
      if (approved && effective && effective < approved) {
        report({ value: edition, field: ['effective'] }, `редакция ${version} вводится в действие ${effective}, раньше даты утверждения ${approved}: дата введения в действие — не раньше даты утверждения`);
      }
    }
  }
});

/** The typed status agrees with the dates and the cancellation block. */
export const status = defineRule('edition/status', ({ corpus, report }) => {
  for (const doc of corpus.documents) {
    const withCancellation = doc.editions.filter((e) => e.data.cancelled);
    for (const edition of doc.editions) {
      const { status: typed, approved, effective, cancelled, version } = edition.data;
      if (typed !== 'проект' && (!approved || !effective)) {
        const missing = [!approved && 'approved', !effective && 'effective'].filter(Boolean).join(' и ');
        report({ value: edition, field: ['status'] }, `редакция ${version} со статусом «${typed}» без даты ${missing}: укажите даты утверждения и введения в действие или поставьте статус «проект»`);
      }
      if (typed === 'отменена' && !cancelled) {
        report({ value: edition, field: ['status'] }, `у отменённой редакции ${version} нет блока cancelled: укажите cancelled.date (дату отмены), cancelled.act и, если есть, cancelled.replacedBy`);
      }
      if (cancelled && typed !== 'отменена') {
        report({ value: edition, field: ['cancelled'] }, `блок cancelled есть, а статус редакции ${version} — «${typed}»: поставьте status: отменена или удалите cancelled`);
      }
    }
    for (const edition of withCancellation.slice(0, -1)) {
      const last = withCancellation.at(-1)?.data.version;
      report({ value: edition, field: ['cancelled'] }, `документ отменяется один раз: блок cancelled есть и в редакции ${last}; оставьте его только в последней редакции`);
    }
  }
});

export default [oneInForce, order, effectiveAfterApproval, status];
