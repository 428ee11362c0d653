import { defineRule } from '../rule.ts';

/** Audit records kept past their retention date (`retainUntil`, ISO 9001:2015, 7.5.3.2 d). */
export default defineRule(
  { id: 'audit/retention', severity: 'warning', description: 'записи аудитов не хранятся дольше срока retainUntil' },
  ({ corpus, buildDate, report }) => {
    for (const list of corpus.records.values()) {
      for (const record of list) {
        const retainUntil = (record.data as { retainUntil?: unknown }).retainUntil;
        if (typeof retainUntil !== 'string' || retainUntil >= buildDate) continue;
        report(
          { value: record, field: ['retainUntil'] },
          `срок хранения записи истёк ${retainUntil}: передайте её в архив или уничтожьте по акту и удалите файл из репозитория, либо, если хранение продлено решением, запишите новую дату в retainUntil`,
        );
      }
    }
  },
);
