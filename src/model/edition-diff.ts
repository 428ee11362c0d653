import { diffWords } from 'diff';
import type { Section } from './edition-sections.ts';

/** A run of text that is kept, inserted or deleted. */
export interface Part {
  value: string;
  added?: true;
  removed?: true;
}

export type SectionChange = 'same' | 'changed' | 'added' | 'removed';

export interface SectionDiff {
  change: SectionChange;
  /** The heading as it reads now (as it read, for a removed section). */
  heading?: { depth: number; text: string };
  /** Word diff of the heading text, when it was renamed. */
  headingParts?: Part[];
  parts: Part[];
}

/** A passport or metadata field as text, one list item per line. */
export interface Field {
  label: string;
  text: string;
}

export interface FieldDiff {
  label: string;
  parts: Part[];
}

/*
 * jsdiff's default tokenizer treats only Latin letters as word characters, so Russian text would be
 * diffed letter by letter. A word segmenter splits Cyrillic into words; ICU ships with Node, so the
 * same Node gives the same diff (what reproducible builds need).
 */
const segmenter = new Intl.Segmenter('ru', { granularity: 'word' });

/** Word-level diff: what was deleted from `before` and inserted into `after`. */
export function wordDiff(before: string, after: string): Part[] {
  if (before === after) return before ? [{ value: before }] : [];
  return diffWords(before, after, { intlSegmenter: segmenter }).map((change) =>
    change.added ? { value: change.value, added: true } : change.removed ? { value: change.value, removed: true } : { value: change.value },
  );
}

export const isChanged = (parts: readonly Part[]): boolean => parts.some((p) => p.added || p.removed);

/** «3.1. Определения терминов» and «3.2. Определения терминов» are one section renumbered. */
const headingKey = (text: string) =>
  text
    .replace(/^\s*(?:\d+\.)*\d*\.?\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * Pairs the sections of two editions by heading: same heading text first, then the same text
 * without its number (a renumbered or reworded-number section). Each section pairs at most once.
 */
function pairSections(before: readonly Section[], after: readonly Section[]): (number | undefined)[] {
  const pairs: (number | undefined)[] = after.map(() => undefined);
  const used = new Set<number>();
  const keys: Array<(s: Section) => string> = [
    (s) => (s.heading ? `=${s.heading.text}` : '#preamble'),
    (s) => (s.heading ? `~${headingKey(s.heading.text)}` : '#preamble'),
  ];
  for (const key of keys) {
    after.forEach((section, i) => {
      if (pairs[i] !== undefined) return;
      const wanted = key(section);
      const j = before.findIndex((old, index) => !used.has(index) && key(old) === wanted);
      if (j >= 0) {
        pairs[i] = j;
        used.add(j);
      }
    });
  }
  return pairs;
}

/**
 * Section-by-section diff in the new edition's order; a removed section appears where it stood,
 * just before the first later section of the old edition that is still there.
 */
export function diffSections(before: readonly Section[], after: readonly Section[]): SectionDiff[] {
  const pairs = pairSections(before, after);
  const paired = new Set(pairs.filter((j): j is number => j !== undefined));
  const out: SectionDiff[] = [];
  let nextOld = 0;
  const flushRemoved = (upTo: number) => {
    for (; nextOld < upTo; nextOld++) {
      const old = before[nextOld];
      if (old && !paired.has(nextOld)) out.push({ change: 'removed', heading: old.heading, parts: old.text ? [{ value: old.text, removed: true }] : [] });
    }
  };
  after.forEach((section, i) => {
    const j = pairs[i];
    if (j === undefined) {
      out.push({ change: 'added', heading: section.heading, parts: section.text ? [{ value: section.text, added: true }] : [] });
      return;
    }
    if (j >= nextOld) flushRemoved(j + 1);
    const old = before[j] as Section;
    const parts = wordDiff(old.text, section.text);
    const renamed = old.heading?.text !== section.heading?.text;
    const headingParts = renamed ? wordDiff(old.heading?.text ?? '', section.heading?.text ?? '') : undefined;
    out.push({ change: renamed || isChanged(parts) ? 'changed' : 'same', heading: section.heading, headingParts, parts });
  });
  flushRemoved(before.length);
  return out;
}

/** Fields compared by label; a field present on one side only is compared with empty text. */
export function diffFields(before: readonly Field[], after: readonly Field[]): FieldDiff[] {
  const labels = [...new Set([...after, ...before].map((f) => f.label))];
  const textOf = (fields: readonly Field[], label: string) => fields.find((f) => f.label === label)?.text ?? '';
  return labels.map((label) => ({ label, parts: wordDiff(textOf(before, label), textOf(after, label)) })).filter((field) => isChanged(field.parts));
}
