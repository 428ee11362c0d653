/**
 * Real documents and registries nest a handful of levels. Parsers recurse once per level, so a file
 * with thousands of `[` overflows the stack; the nesting is measured first, without recursion, and
 * such a file is refused with one located message instead of a crash or a flood of messages.
 */
export const MAX_NESTING = 64;

export const nestingReason = (limit = MAX_NESTING) =>
  `слишком глубокая вложенность: больше ${limit} уровней скобок «[»/«{»; в документах и реестрах столько не бывает — проверьте, не испорчен ли файл`;

/**
 * Offset of the first `[` or `{` that opens level `limit + 1`, or undefined. Brackets inside quoted
 * strings do not count (`"` with `\` escapes; in YAML also `'…'` and `#` comments).
 */
export function tooDeep(text: string, syntax: 'json' | 'yaml', limit = MAX_NESTING): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (syntax === 'yaml' && c === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' ')) {
      for (i++; i < text.length && !(text[i] === "'" && text[i + 1] !== "'"); i++) if (text[i] === "'") i++;
    } else if (syntax === 'yaml' && c === '#' && /\s/.test(text[i - 1] ?? '\n')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
