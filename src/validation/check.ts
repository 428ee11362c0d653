import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { VFileMessage } from 'vfile-message';
import type { AnalysisCache } from '../analysis/analyse-pool.ts';
import { displayRootOf, loadCorpus } from '../analysis/load.ts';
import { ConfigError } from '../lib/config.ts';
import type { Corpus } from '../model/corpus.ts';
import { buildLookup, type Lookup } from '../model/lookup.ts';
import { clearSuggestions, suggestionIn, type Suggestion } from '../lib/did-you-mean.ts';
import type { Extracted } from '../model/parsed.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../analysis/resolve.ts';
import type { AudienceSite, CheckModel, RuleContext, Severity, SitesOf, Target } from './rule.ts';
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
  /**
   * The sites of the audiences the build publishes, from the checked model: what `ref/broken-link` checks
   * links against. Every caller supplies it (src/site/audience-pages.ts `audienceSites`): a check
   * without it could not tell a live link from a dead one.
   */
  sites: SitesOf;
}

/** A check's model with its sites, made from the whole model at most once (only a rule that asks for them pays). */
export type RunModel = CheckModel & { sites?: () => readonly AudienceSite[] };

/** The model `runRule` gets: `sites` made lazily, once, from the whole model. */
export function runModel(model: CheckModel, sitesOf: SitesOf): RunModel {
  let sites: readonly AudienceSite[] | undefined;
  return { ...model, sites: () => (sites ??= sitesOf(model)) };
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
  // An empty folder is a wrong path far more often than a portal with nothing to publish: no green check of nothing.
  if (corpus.files.length === 0 && corpus.problems.length === 0)
    throw new ConfigError(
      `в папке содержимого «${displayRootOf(options.root)}» нет ни одного файла: проверьте путь (--root, ND_CONTENT_ROOT или contentRoot в nd.config.json)`,
    );
  const lookup = buildLookup(corpus);
  const extracted = extractedOf(corpus);
  const messages = [...loadMessages(corpus, options)];
  const model = runModel({ corpus, lookup, extracted }, options.sites);
  for (const rule of RULES) messages.push(...runRule(rule, model, options));
  sortMessages(messages);
  const errors = messages.filter((m) => m.fatal).length;
  return { corpus, lookup, extracted, messages, errors, warnings: messages.length - errors, referenceIndex: buildReferenceIndex(corpus, lookup, extracted) };
}

/** What was extracted from each MDX entry of a corpus, by entry id. */
export function extractedOf(corpus: Corpus): Map<string, Extracted> {
  const extracted = new Map<string, Extracted>();
  for (const doc of corpus.documents) {
    for (const entry of [...doc.editions, ...doc.appendices]) {
      if (entry.source.extracted) extracted.set(entry.id, entry.source.extracted);
    }
  }
  return extracted;
}

/** Turns rule reports into located messages, with the configured severity; `off` rules report nothing. */
/** Line indexes of files, made once per file (not once per rule); a changed file is a new VFile. */
const locations = new WeakMap<VFile, ReturnType<typeof location>>();

function emitter(options: Pick<CheckOptions, 'rules'>, messages: VFileMessage[]) {
  const place = (file: VFile, offset: number) => {
    let loc = locations.get(file);
    if (!loc) locations.set(file, (loc = location(file)));
    return loc.toPoint(offset) ?? { line: 1, column: 1 };
  };
  return (ruleId: RuleId, target: Target, reason: string, offeredFix?: Suggestion) => {
    const configured = options.rules?.[ruleId];
    if (configured === 'off') return;
    const severity = configured ?? ruleById(ruleId).severity;
    const file = 'value' in target ? target.value.file : target.file;
    const point =
      'place' in target
        ? target.place
        : place(file, 'value' in target ? target.value.locate.offsetOf([...target.value.at, ...(target.field ?? [])]) : target.offset);
    // Not file.message(): that also keeps the message on the file, and a long-lived model (the language
    // server) would pile up every finding ever made there.
    const message = new VFileMessage(reason, { place: point, ruleId, source: 'nd' });
    if (file.path) {
      message.name = `${file.path}:${message.name}`;
      message.file = file.path;
    }
    message.fatal = severity === 'error';
    // A did-you-mean becomes data beside the message (vfile-message's `actual` and `expected`, as
    // unified's language server reads them): editors offer it as a quick fix.
    const suggestion = offeredFix ?? suggestionIn(reason);
    if (suggestion && suggestion !== NO_FIX) {
      message.actual = suggestion.actual;
      message.expected = [suggestion.expected];
    }
    messages.push(message);
  };
}

/** Load problems carry their suggestion from the loader; none is looked up later. */
const NO_FIX: Suggestion = { actual: '', expected: '' };

/** The findings of the loader (syntax, schema, unknown files), as messages. */
export function loadMessages(corpus: Pick<Corpus, 'problems'>, options: Pick<CheckOptions, 'rules'>): VFileMessage[] {
  const messages: VFileMessage[] = [];
  const emit = emitter(options, messages);
  for (const problem of corpus.problems) {
    // Load-time ids are typed by the loader; this assignment fails to compile if one is not a rule.
    const ruleId: RuleId = problem.ruleId;
    emit(
      ruleId,
      problem.place ? { file: problem.file, place: problem.place } : { file: problem.file, offset: problem.offset ?? 0 },
      problem.reason,
      problem.suggestion ?? NO_FIX,
    );
  }
  return messages;
}

/** Runs one rule over a corpus (or a view of it) and returns its findings in the order it reported them. */
export function runRule(rule: (typeof RULES)[number], model: RunModel, options: Pick<CheckOptions, 'rules' | 'buildDate' | 'review'>): VFileMessage[] {
  const messages: VFileMessage[] = [];
  if (!rule.run) return messages;
  const emit = emitter(options, messages);
  const context: RuleContext = {
    ...model,
    sites: model.sites ?? (() => []),
    buildDate: options.buildDate,
    reviewLeadDays: options.review?.leadDays ?? DEFAULT_REVIEW_LEAD_DAYS,
    report: (target, reason) => emit(rule.id, target, reason),
  };
  try {
    rule.run(context);
  } catch (error) {
    // A rule bug must not hide other findings: report it as an internal error of that rule.
    const file = model.corpus.files[0];
    if (file) emit(rule.id, { file, offset: 0 }, `внутренняя ошибка правила ${rule.id}: ${(error as Error).message}`);
  } finally {
    clearSuggestions();
  }
  return messages;
}

/** Sorts findings by file, line, column and rule, as every report lists them (stable: equal ones keep their order). */
export function sortMessages(messages: VFileMessage[]): VFileMessage[] {
  return messages.sort(compareMessages);
}

function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.ruleId ?? '').localeCompare(b.ruleId ?? '')
  );
}
