import type { VFile } from 'vfile';
import type { Corpus, Located } from '../model/corpus.ts';
import type { Lookup } from '../model/lookup.ts';
import type { FieldPath } from '../model/positions.ts';
import type { Extracted } from './extract.ts';
import type { RuleId } from './rule-ids.ts';

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
  report(target: Target, reason: string): void;
}

export interface Rule {
  id: RuleId;
  run(context: RuleContext): void;
}

/** A rule only reports; the runner owns severity, positions and formatting. */
export const defineRule = (id: RuleId, run: (context: RuleContext) => void): Rule => ({ id, run });
