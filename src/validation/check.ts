import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { VFileMessage } from 'vfile-message';
import type { AnalysisCache } from '../model/analyse-pool.ts';
import { loadCorpus, type Corpus } from '../model/corpus.ts';
import { buildLookup, type Lookup } from '../model/lookup.ts';
import type { Extracted } from './extract.ts';
import { buildReferenceIndex, type ReferenceIndex } from './reference-index.ts';
import type { RuleContext, Severity, Target } from './rule.ts';
import { ruleById, RULES, type RuleId } from './rules/index.ts';

export interface CheckOptions {
  root: string;
  buildDate: string;
  /** Severity overrides from configuration; `off` silences a rule. */
  rules?: Record<string, Severity | 'off'>;
  /** Periodic review settings (nd.config.json `review`); lead time defaults to 60 days. */
  review?: { leadDays?: number };
  /** The analysis cache (ND_CACHE): `auto` caches real content roots, not temporary ones. */
  cache?: AnalysisCache;
}

export const DEFAULT_REVIEW_LEAD_DAYS = 60;

export interface CheckResult {
  corpus: Corpus;
  lookup: Lookup;
  extracted: Map<string, Extracted>;
  messages: VFileMessage[];
  errors: number;
  warnings: number;
  referenceIndex: ReferenceIndex;
}

/** Reads the content root, runs every rule of the one list (rules/index.ts), returns every finding sorted by file and position. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const corpus = await loadCorpus(options.root, { cache: options.cache });
  const lookup = buildLookup(corpus);
  const extracted = new Map<string, Extracted>();
  for (const doc of corpus.documents) {
    for (const entry of [...doc.editions, ...doc.appendices]) {
      if (entry.source.extracted) extracted.set(entry.id, entry.source.extracted);
    }
  }
  const messages: VFileMessage[] = [];
  const locations = new Map<VFile, ReturnType<typeof location>>();
  const place = (file: VFile, offset: number) => {
    let loc = locations.get(file);
    if (!loc) locations.set(file, (loc = location(file)));
    return loc.toPoint(offset) ?? { line: 1, column: 1 };
  };
  const emit = (ruleId: RuleId, target: Target, reason: string) => {
    const configured = options.rules?.[ruleId];
    if (configured === 'off') return;
    const severity = configured ?? ruleById(ruleId).severity;
    const file = 'value' in target ? target.value.file : target.file;
    const point =
      'place' in target
        ? target.place
        : place(file, 'value' in target ? target.value.locate.offsetOf([...target.value.at, ...(target.field ?? [])]) : target.offset);
    const message = file.message(reason, { place: point, ruleId, source: 'nd' });
    message.fatal = severity === 'error';
    messages.push(message);
  };
  for (const problem of corpus.problems) {
    // Load-time ids are typed by the loader; this assignment fails to compile if one is not a rule.
    const ruleId: RuleId = problem.ruleId;
    emit(ruleId, problem.place ? { file: problem.file, place: problem.place } : { file: problem.file, offset: problem.offset ?? 0 }, problem.reason);
  }
  const base = { corpus, lookup, extracted, buildDate: options.buildDate, reviewLeadDays: options.review?.leadDays ?? DEFAULT_REVIEW_LEAD_DAYS };
  for (const rule of RULES) {
    if (!rule.run) continue;
    const context: RuleContext = { ...base, report: (target, reason) => emit(rule.id, target, reason) };
    try {
      rule.run(context);
    } catch (error) {
      // A rule bug must not hide other findings: report it as an internal error of that rule.
      const file = corpus.files[0];
      if (file) emit(rule.id, { file, offset: 0 }, `внутренняя ошибка правила ${rule.id}: ${(error as Error).message}`);
    }
  }
  messages.sort(compareMessages);
  const errors = messages.filter((m) => m.fatal).length;
  return { corpus, lookup, extracted, messages, errors, warnings: messages.length - errors, referenceIndex: buildReferenceIndex(corpus, lookup, extracted) };
}

function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.ruleId ?? '').localeCompare(b.ruleId ?? '')
  );
}
