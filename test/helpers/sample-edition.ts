/** What a test's sample document varies; the rest is the passport every such document shares. */
export interface SampleEdition {
  code: string;
  title: string;
  /** Why the document exists (the `sample` mark every document outside the source text carries). */
  sample: string;
  /** The passport's one goal. */
  goal: string;
  version?: string;
  approved?: string;
  effective?: string;
  changes?: string;
  access?: string;
  summary?: string;
}

/**
 * A sample edition's MDX: a valid, approved edition of the unit dkko for all employees, marked as sample,
 * followed by `body`. The body always begins on line 23, so a test can locate findings in it.
 */
export const sampleEdition = (edition: SampleEdition, body: string) => `---
code: ${edition.code}
title: ${edition.title}
version: "${edition.version ?? '1.0'}"
status: утверждена
approved: ${edition.approved ?? '2024-01-10'}
effective: ${edition.effective ?? '2024-02-01'}
changes: ${edition.changes ?? 'Первая редакция.'}
access: ${edition.access ?? 'public'}
sample: ${edition.sample}
passport:
  goals:
    - ${edition.goal}
  summary: ${edition.summary ?? 'Документ-образец.'}
  responsibleForApplication:
    unit: dkko
  responsibleForDevelopment:
    unit: dkko
  scope:
    - name: Все сотрудники ПАО «МТС»
---

${body}
`;
