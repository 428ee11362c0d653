import { formatDate } from '../../../../lib/dates.ts';
import { policyPrinciples, wordingKey } from '../../../../model/principles.ts';
import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/**
 * A principle quoted in prose («простое общение») is quoted as the policy's edition in force words it.
 * A quote of an earlier edition's wording names the edition that changed it and the wording to use.
 */
export default defineRule(
  { id: 'ref/principle-wording', severity: 'warning', description: 'формулировка принципа Политики в кавычках совпадает с действующей редакцией' },
  (context) => {
    const policies = policyPrinciples(context.corpus.documents, context.buildDate);
    // Every wording any edition gave, with the policy and id it belongs to.
    const wordings = new Map<string, Array<{ code: string; id: string; version: string }>>();
    for (const policy of policies.values()) {
      for (const { edition, principles } of policy.history) {
        for (const p of principles) {
          const list = wordings.get(wordingKey(p.title)) ?? [];
          list.push({ code: policy.code, id: p.id, version: edition.data.version });
          wordings.set(wordingKey(p.title), list);
        }
      }
    }
    for (const { doc, entry, extracted } of entries(context)) {
      if (policies.has(doc.code)) continue;
      for (const quote of extracted.quotes) {
        for (const { code, id, version } of wordings.get(wordingKey(quote.text)) ?? []) {
          const policy = policies.get(code)!;
          const current = policy.principles.find((p) => p.id === id);
          if (current && wordingKey(current.title) === wordingKey(quote.text)) continue;
          const now = policy.edition?.data;
          const since = now?.effective ? ` (действует с ${formatDate(now.effective)})` : '';
          const fix = current ? `называет его «${current.title}»: обновите цитату` : 'его не определяет: уберите цитату или назовите действующий принцип';
          context.report(
            { file: entry.file, offset: quote.offset },
            `«${quote.text}» — формулировка из редакции ${version} ${code}; редакция ${now?.version ?? '—'}${since} ${fix}`,
          );
          break;
        }
      }
    }
  },
);
