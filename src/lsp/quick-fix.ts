import type { VFileMessage } from 'vfile-message';

export interface Fix {
  title: string;
  from: number;
  to: number;
  replacement: string;
}

/**
 * The did-you-mean of a finding as an edit: the wrong value the rule read (`actual`) is found at the
 * finding's place, or else on its line, and replaced by the suggestion (`expected`).
 */
export function quickFix(text: string, message: Pick<VFileMessage, 'actual' | 'expected'>, offset: number): Fix | undefined {
  const actual = message.actual;
  const expected = message.expected?.[0];
  if (!actual || expected === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const variants = [actual, actual.replace(/-/g, ' '), actual.replace(/-/g, '')];
  for (const variant of variants) {
    let at = text.startsWith(variant, offset) ? offset : text.indexOf(variant, offset);
    if (at === -1 || at > lineEnd) at = text.lastIndexOf(variant, offset);
    if (at !== -1 && at >= lineStart && at + variant.length <= lineEnd)
      return { title: `Заменить «${variant}» на «${expected}»`, from: at, to: at + variant.length, replacement: expected };
  }
  return undefined;
}
