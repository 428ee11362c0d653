import type { VFile } from 'vfile';
import type { Corpus, Located } from '../model/corpus.ts';
import type { Lookup } from '../model/lookup.ts';
import type { FieldPath } from '../model/parsed.ts';
import type { Extracted } from '../model/parsed.ts';

export type Severity = 'error' | 'warning';

/** Where a finding points: an offset in a file, a field of a located value, or a line/column. */
export type Target =
  | { file: VFile; offset: number }
  | { file: VFile; place: { line: number; column: number } }
  | { value: Pick<Located<unknown>, 'file' | 'locate' | 'at'>; field?: FieldPath };

/** What the runner gives every rule: the corpus, lookups, and a report function bound to the rule. */
export interface RuleContext {
  corpus: Corpus;
  lookup: Lookup;
  /** References, headings and code found in each MDX entry, by entry id (`pt-035/1.0`). */
  extracted: Map<string, Extracted>;
  /** The build's date, `YYYY-MM-DD`; editions are judged at this date. */
  buildDate: string;
  /** Periodic review: how many days before the review date `edition/review-due` warns (nd.config.json `review.leadDays`). */
  reviewLeadDays: number;
  report(target: Target, reason: string): void;
}

/** Where the rules are described for authors (README, section «Правила проверки»). */
export const RULES_URL = 'README.md#правила-проверки';

export interface Rule<Id extends string = string> {
  /** `area/what`, e.g. `ref/unknown-code`: what authors turn off or re-grade in nd.config.json. */
  readonly id: Id;
  /** Default severity; configuration may change it or turn the rule off. */
  readonly severity: Severity;
  /** What the rule guards, in Russian (SARIF, the README table). */
  readonly description: string;
  readonly url: string;
  /**
   * Cross-checks the loaded corpus and only reports. Absent for load-time rules (`syntax/*`,
   * `schema/invalid`, `content/unknown-file`): the loader finds those while reading files.
   */
  readonly run?: (context: RuleContext) => void;
  /**
   * Where a load-time rule's logic lives (paths from the project root): the loader in src/model must
   * find these problems while reading a file, before any rule can run, so the unit names its place.
   */
  readonly foundIn?: readonly string[];
}

/** A rule owns its id, severity, description and run; the runner owns positions, severity overrides and formatting. */
export function defineRule<const Id extends string>(
  meta: { id: Id; severity: Severity; description: string; url?: string; foundIn?: readonly string[] },
  run?: (context: RuleContext) => void,
): Rule<Id> {
  const { id, severity, description } = meta;
  return { id, severity, description, url: meta.url ?? RULES_URL, ...(meta.foundIn ? { foundIn: meta.foundIn } : {}), ...(run ? { run } : {}) };
}
