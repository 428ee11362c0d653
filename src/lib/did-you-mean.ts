/**
 * «Did you mean …»: the valid value closest to a wrong one, for every rule that proposes a fix.
 * Close means a few typing mistakes (Levenshtein distance ≤ 3 and at most half the word) or, failing
 * that, a shared beginning of at least four characters that covers the shorter of the two
 * (`#порядок-аудита` → `#порядок`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.ceil(word.length / 2)) + 1;
  let prefixBest: string | undefined;
  let prefixLength = 3;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const d = levenshtein(lower, other);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
    const shared = commonPrefix(lower, other);
    if (shared > prefixLength && shared === Math.min(lower.length, other.length)) [prefixBest, prefixLength] = [candidate, shared];
  }
  return best ?? prefixBest;
}

/** The tail a message appends: `: возможно, «…»`, or '' when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>, render: (near: string) => string = (near) => `«${near}»`): string {
  const near = closest(word, candidates);
  if (near === undefined) return '';
  const tail = `: возможно, ${render(near)}`;
  offered.push({ tail, suggestion: { actual: word, expected: near } });
  return tail;
}

/** A did-you-mean as data: the wrong value as the rule read it and the value to put instead (an editor's quick fix). */
export interface Suggestion {
  actual: string;
  expected: string;
}

/** Tails handed out since the runner last asked: a rule builds its message from one, the runner attaches it as data. */
const offered: Array<{ tail: string; suggestion: Suggestion }> = [];

/**
 * The suggestion whose tail a finding's message carries, if any; the runner calls it for each report
 * and `clearSuggestions` after each rule, so messages stay exactly as the rules write them.
 */
export function suggestionIn(reason: string): Suggestion | undefined {
  for (let i = offered.length - 1; i >= 0; i--) if (reason.includes(offered[i]!.tail)) return offered[i]!.suggestion;
  return undefined;
}

export function clearSuggestions(): void {
  offered.length = 0;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Edit distance counting a swap of two neighbours as one edit (53 → 35). */
export function damerau(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}
