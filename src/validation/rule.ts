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

/** What a check holds before any rule runs: the corpus, its lookups and what was extracted from each MDX entry. */
export interface CheckModel {
  corpus: Corpus;
  lookup: Lookup;
  /** References, headings and code found in each MDX entry, by entry id (`pt-035/1.0`). */
  extracted: Map<string, Extracted>;
}

/**
 * One audience's site as a link in a text must meet it: which texts it publishes and which pages, with
 * their anchors, it has. Validation lists no pages of its own: the caller supplies the sites (`SitesOf`),
 * made from the publication decision and the page inventory (src/site/audience-pages.ts).
 */
export interface AudienceSite {
  /** The access level the site is published for (`public`). */
  audience: string;
  /**
   * Whether the build publishes this site. A site that is not built stands for the widest access level:
   * the texts no built site publishes are checked against it.
   */
  built: boolean;
  /** Ids of the entries (`pt-035/1.0`) whose text the site publishes. */
  entries: ReadonlySet<string>;
  /** Site path → the anchors on that page. */
  pages: ReadonlyMap<string, ReadonlySet<string>>;
  /** A folder of pages of one kind (`/audits/plans/`) → what is missing when a path in it is not a page, from the last segment. */
  sections: ReadonlyMap<string, (segment: string) => string>;
}

/** Makes the sites of the audiences a build publishes from the whole checked model; given to the check by its caller. */
export type SitesOf = (model: CheckModel) => readonly AudienceSite[];

/** What the runner gives every rule: the corpus, lookups, and a report function bound to the rule. */
export interface RuleContext extends CheckModel {
  /**
   * The sites of the audiences the build publishes (and of the widest level), made once per check from the
   * whole corpus, also when the rule runs on part of it; none when the caller supplied no `SitesOf`.
   */
  sites(): readonly AudienceSite[];
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
