import type { Principle } from '../schemas/document.ts';
import type { DocumentEntry, EditionEntry } from './corpus.ts';
import { documentStatus } from './editions.ts';

/** A policy's principles as of a date: the edition that counts, and every edition's own list, oldest first. */
export interface PolicyPrinciples {
  code: string;
  /** The edition in force at the date, else the upcoming one, else the newest: the one citations must match. */
  edition: EditionEntry | undefined;
  principles: Principle[];
  history: Array<{ edition: EditionEntry; principles: Principle[] }>;
}

/** The policy documents of a corpus (documents any edition of which defines principles), at a date. */
export function policyPrinciples(documents: readonly DocumentEntry[], date: string): Map<string, PolicyPrinciples> {
  const policies = new Map<string, PolicyPrinciples>();
  for (const doc of documents) {
    if (!doc.editions.some((e) => e.data.principles)) continue;
    const status = documentStatus(doc.editions, date);
    const edition = status.shown?.edition;
    policies.set(doc.code, {
      code: doc.code,
      edition,
      principles: edition?.data.principles ?? [],
      history: doc.editions.map((e) => ({ edition: e, principles: e.data.principles ?? [] })),
    });
  }
  return policies;
}

/** The newest edition other than the counting one that defined `id`, with its wording there. */
export function lastDefinedIn(policy: PolicyPrinciples, id: string): { edition: EditionEntry; principle: Principle } | undefined {
  for (const { edition, principles } of [...policy.history].reverse()) {
    if (edition === policy.edition) continue;
    const principle = principles.find((p) => p.id === id);
    if (principle) return { edition, principle };
  }
  return undefined;
}

/** Wording as people quote it: case, spacing and ё do not matter. */
export const wordingKey = (text: string) =>
  text
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
