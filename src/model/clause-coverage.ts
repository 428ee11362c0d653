/**
 * Coverage of ISO 9001:2015 by a set of cited clauses. The unit of coverage is every second-level
 * clause of sections 4–10 (4.1 … 10.3, 28 clauses): fine enough to show a gap such as «7.5 не
 * проверялся», coarse enough that a program need not list every numbered paragraph.
 * A cited clause covers a coverage clause when it is that clause, its section (`8` covers 8.1–8.7)
 * or one of its sub-clauses (`8.5.1` counts as auditing 8.5).
 */

const COVERAGE_RE = /^(?:[4-9]|10)\.\d+$/;

/** The coverage clauses of a standard's clause list, in catalog order. */
export function coverageClauses(catalog: Iterable<string>): string[] {
  return [...catalog].filter((number) => COVERAGE_RE.test(number));
}

export function covers(cited: string, clause: string): boolean {
  return cited === clause || clause.startsWith(`${cited}.`) || cited.startsWith(`${clause}.`);
}

/** Coverage clauses no cited clause covers. */
export function uncovered(required: readonly string[], cited: Iterable<string>): string[] {
  const list = [...new Set(cited)];
  return required.filter((clause) => !list.some((c) => covers(c, clause)));
}

/** Whether a clause lies in sections 4–10 (the requirements of the standard). */
export const inRequirementSections = (clause: string) => /^(?:[4-9]|10)(?:\.|$)/.test(clause);
