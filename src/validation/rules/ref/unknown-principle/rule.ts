import { unreadableDocument } from '../../../../model/lookup.ts';
import { lastDefinedIn, policyPrinciples, type PolicyPrinciples } from '../../../../model/principles.ts';
import { qualityRecords } from '../../../../model/quality-records.ts';
import { PRINCIPLE_GROUPS } from '../../../../schemas/document.ts';
import { didYouMean } from '../../../../lib/did-you-mean.ts';
import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

const GROUP_NAMES: Record<string, string> = {
  principle: 'принцип',
  strategy: 'направление стратегии',
  'cx-direction': 'направление стратегии клиентского опыта',
};
/** «не определяет …»: the genitive plural of each group. */
const GROUP_GENITIVE: Record<string, string> = {
  principle: 'принципов',
  strategy: 'направлений стратегии',
  'cx-direction': 'направлений стратегии клиентского опыта',
};

/**
 * Quality standards cite the policy's principles and CX directions by id, and `<Principles group="…">`
 * shows a group the document defines: each must be defined by the policy's edition in force at the
 * build date. An id an earlier edition defined is named with that edition.
 */
export default defineRule(
  {
    id: 'ref/unknown-principle',
    severity: 'error',
    description: 'принцип или направление, на которые ссылаются по id, определены действующей редакцией Политики',
  },
  (context) => {
    const { report, corpus, lookup, buildDate } = context;
    const policies = policyPrinciples(corpus.documents, buildDate);
    const problem = (policy: PolicyPrinciples, id: string, group: string): string | undefined => {
      const current = policy.principles.filter((p) => p.group === group);
      if (current.some((p) => p.id === id)) return undefined;
      const version = policy.edition?.data.version ?? '—';
      const options = current.map((p) => `${p.id} («${p.title}»)`).join(', ') || 'нет ни одного';
      const before = lastDefinedIn(policy, id);
      if (before) {
        return `${GROUP_NAMES[group]} «${id}» («${before.principle.title}») определяла редакция ${before.edition.data.version} ${policy.code}; действующая редакция ${version} его не определяет: выберите один из: ${options}`;
      }
      return `${GROUP_NAMES[group]} «${id}» не определён в редакции ${version} ${policy.code}${didYouMean(
        id,
        current.map((p) => p.id),
      )}; определены: ${options}`;
    };
    for (const standard of qualityRecords(corpus).standards) {
      const policy = policies.get(standard.data.policy);
      standard.data.requirements.forEach((requirement, r) => {
        for (const [field, group] of [
          ['principle', 'principle'],
          ['direction', 'cx-direction'],
        ] as const) {
          const at = { value: standard, field: ['requirements', r, field] };
          // A policy whose editions could not be read: its own file says why (ref/unknown-code is quiet too).
          if (!policy && unreadableDocument(lookup, standard.data.policy)) continue;
          if (!policy) {
            report(
              at,
              `требование ${requirement.id}: ${standard.data.policy} не определяет принципов и направлений (свойство principles его редакций) — проверьте policy стандарта`,
            );
            continue;
          }
          const found = problem(policy, requirement[field], group);
          if (found) report(at, `требование ${requirement.id}: ${found}`);
        }
      });
    }
    for (const { doc, entry, extracted } of entries(context)) {
      for (const node of extracted.code) {
        if (node.kind !== 'jsx' || node.name !== 'Principles') continue;
        const attr = (name: string) => node.attributes?.find((a) => a.name === name);
        const group = attr('group')?.value ?? 'principle';
        const code = attr('document')?.value ?? doc.code;
        if (!(PRINCIPLE_GROUPS as readonly string[]).includes(group)) {
          report(
            { file: entry.file, offset: attr('group')?.offset ?? node.offset },
            `<Principles group="${group}">: такой группы нет; группы: ${PRINCIPLE_GROUPS.join(', ')}`,
          );
          continue;
        }
        const policy = policies.get(code);
        // A document that is unreadable, unknown or misspelt: its own error, or ref/component-document's, says so.
        if (!policy && (unreadableDocument(lookup, code) || !lookup.documents.has(code))) continue;
        const own = doc.code === code ? doc.editions.find((e) => e.id === entry.id) : undefined;
        const shown = own?.data.principles ?? policy?.principles ?? [];
        if (!shown.some((p) => p.group === group)) {
          report(
            { file: entry.file, offset: node.offset },
            `<Principles group="${group}"> ничего не покажет: ${own ? 'эта редакция' : `действующая редакция ${code}`} не определяет ${GROUP_GENITIVE[group]} в свойстве principles — добавьте их туда или уберите компонент`,
          );
        }
      }
    }
  },
);
