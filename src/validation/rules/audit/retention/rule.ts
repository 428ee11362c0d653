import { defineRule } from '../../../rule.ts';

/** Record kinds that are evidence with a retention period (their schemas have `retainUntil`). */
const RETAINED = new Set(['audit-program', 'audit-plan', 'audit-report', 'corrective-actions', 'improvement-proposals']);

/**
 * Retention of audit records (ISO 9001:2015, 7.5.3.2 d): every record says how long it is kept
 * (`retainUntil`), and is not kept past that date.
 */
export default defineRule(
  { id: 'audit/retention', severity: 'warning', description: 'у записи аудита есть срок хранения retainUntil, и он не истёк' },
  ({ corpus, buildDate, report }) => {
    for (const [kind, list] of corpus.records) {
      if (!RETAINED.has(kind)) continue;
      for (const record of list) {
        const retainUntil = (record.data as { retainUntil?: unknown }).retainUntil;
        if (retainUntil === undefined) {
          report(
            { value: record },
            'у записи нет срока хранения: запись аудита — свидетельство, и срок её хранения задаётся явно; добавьте "retainUntil": "ГГГГ-ММ-ДД" — дату, до которой запись хранится',
          );
          continue;
        }
        if (typeof retainUntil !== 'string' || retainUntil >= buildDate) continue;
        report(
          { value: record, field: ['retainUntil'] },
          `срок хранения записи истёк ${retainUntil}: передайте её в архив или уничтожьте по акту и удалите файл из репозитория, либо, если хранение продлено решением, запишите новую дату в retainUntil`,
        );
      }
    }
  },
);
