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

/**
 * How deep lists, blockquotes and JSX elements may nest in MDX (and elements in imported HTML): real
 * documents use a handful of levels, odd ones a few hundred are still read and rendered; the parsers
 * and renderers overflow the stack at a few thousand.
 */
export const MAX_MDX_NESTING = 256;

export const mdxNestingReason = (limit = MAX_MDX_NESTING) =>
  `слишком глубокая вложенность: больше ${limit} уровней списков, цитат «>» или тегов; в документах столько не бывает — упростите структуру или проверьте, не испорчен ли файл`;

const CONTAINER = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))/;
const TAG = /<(\/?)([A-Za-z][\w.:-]*)(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*?(\/?)>/g;

/**
 * Offset of the first list marker, «>» or tag that opens level `limit + 1` of an MDX text, or undefined.
 * Parsers (Sätteri's tree builder, micromark's, the renderer) recurse once per level and overflow the
 * stack at a few thousand; this scan does not recurse. Markdown containers are counted per line (the
 * markers at the line's start, plus one level per two spaces of indentation); tags across the text,
 * outside fenced code.
 */
export function tooDeepMdx(text: string, limit = MAX_MDX_NESTING): number | undefined {
  let tags = 0;
  let fence: string | undefined;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
    const line = text.slice(start, end);
    const marker = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      const indent = /^[ ]*/.exec(line)![0].length;
      let depth = Math.floor(indent / 2);
      let rest = line;
      let used = 0;
      for (let m = CONTAINER.exec(rest); m; m = CONTAINER.exec(rest)) {
        used += m[0].length;
        rest = rest.slice(m[0].length);
        if (++depth > limit) return start + used - 1;
      }
      if (line.includes('<'))
        for (const t of line.matchAll(TAG)) {
          if (t[1]) tags = Math.max(0, tags - 1);
          else if (!t[3] && ++tags > limit) return start + t.index;
        }
    }
    start = end + 1;
  }
  return undefined;
}

/** HTML elements that always need their closing tag: nesting of these is real nesting, not an omitted `</li>`. */
const HTML_NESTING = new Set(['ul', 'ol', 'blockquote', 'div', 'section', 'article', 'table', 'dl', 'span', 'font', 'b', 'i', 'em', 'strong', 'a']);
const HTML_TAG = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;

/** Offset of the first tag that opens level `limit + 1` of HTML elements (imported pages), or undefined. */
export function tooDeepHtml(html: string, limit = MAX_MDX_NESTING): number | undefined {
  let depth = 0;
  for (const t of html.matchAll(HTML_TAG)) {
    if (!HTML_NESTING.has(t[2]!.toLowerCase()) || t[3]) continue;
    if (t[1]) depth = Math.max(0, depth - 1);
    else if (++depth > limit) return t.index;
  }
  return undefined;
}
