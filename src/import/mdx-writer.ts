import { stringify } from 'yaml';
import type { Block, Inline, ListItem } from './blocks.ts';
import { sameRun } from './inline.ts';

/**
 * Text from the input as MDX that can only ever be text: every character MDX or Markdown could read
 * as syntax is escaped, so nothing in a document becomes an expression, a tag, an import or an export.
 */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]{}<>|~&#$]/g, (ch) => `\\${ch}`);
}

/** Escapes what only matters at the start of a line: list markers, quotes, headings, ESM keywords. */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)(import|export)\b/, (_m, space: string, word: string) => `${space}&#x${word.charCodeAt(0).toString(16)};${word.slice(1)}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Neighbouring runs with the same emphasis and link as one. */
function mergedRuns(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of inlines) {
    const prev = out.at(-1);
    if (prev && sameRun(prev, run)) out[out.length - 1] = { ...prev, text: prev.text + run.text };
    else out.push({ ...run });
  }
  return out;
}

/** An address as a Markdown link target: characters that would end it are percent-encoded. */
const linkTarget = (href: string) => href.trim().replace(/[\s()<>\\`{}]/g, (c) => encodeURIComponent(c));

/**
 * Inline runs as Markdown; spaces at the edges of an emphasis move outside its markers. Neighbouring runs
 * of one formatting are one run (Word splits runs anywhere); emphasis that starts or ends inside a word
 * («j<i>um</i>ped», Word's formatting of part of a word) is left out: Markdown cannot mark it (an «_» inside
 * a word stays a character), and its markers would be published as text.
 */
export function inlineMarkdown(inlines: Inline[]): string {
  const runs = mergedRuns(inlines);
  const letter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  return runs
    .map((run, i) => {
      if (run.footnote) return `[^${run.footnote}]${escapeText(run.text)}`;
      const escaped = escapeText(run.text);
      const text = run.href && escaped.trim() ? `[${escaped}](${linkTarget(run.href)})` : escaped;
      const inWord = (letter(runs[i - 1]?.text.at(-1)) && letter(run.text[0])) || (letter(run.text.at(-1)) && letter(runs[i + 1]?.text[0]));
      const mark = inWord ? '' : `${run.bold ? '**' : ''}${run.italic ? '_' : ''}`;
      if (!mark || !text.trim()) return text;
      const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
      return `${lead}${mark}${core}${[...mark].reverse().join('')}${trail}`;
    })
    .join('');
}

/** A cell in one line of a GFM table: its own lines (paragraphs, list items) kept apart by `<br />`. */
const cell = (text: string) =>
  text
    .split('\n')
    .map((line) => escapeText(line.replace(/[\s\u00a0]+/g, ' ').trim()))
    .filter(Boolean)
    .join('<br />') || ' ';

function table(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
  return [line(padded[0]!), `|${' --- |'.repeat(width)}`, ...padded.slice(1).map(line)].join('\n');
}

function list(items: ListItem[], ordered: boolean): string {
  const counters: number[] = [];
  return items
    .map((item) => {
      counters.length = item.depth + 1;
      counters[item.depth] = (counters[item.depth] ?? 0) + 1;
      const marker = ordered ? `${counters[item.depth]}.` : '-';
      return `${'   '.repeat(item.depth)}${marker} ${escapeLineStart(inlineMarkdown(item.inlines))}`;
    })
    .join('\n');
}

/** A content component: only names of the allowlist and string props the importer chose. */
function component(name: string, props: Record<string, string>): string {
  const attrs = Object.entries(props)
    .map(([k, v]) => `${k}="${v.replace(/["\\{}<>]/g, '')}"`)
    .join(' ');
  return `<${name}${attrs ? ` ${attrs}` : ''} />`;
}

export function blocksToMdx(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        parts.push(`${'#'.repeat(b.level)} ${inlineMarkdown(b.inlines)}`);
        break;
      case 'paragraph':
        parts.push(b.footnote ? `[^${b.footnote}]: ${inlineMarkdown(b.inlines)}` : escapeLineStart(inlineMarkdown(b.inlines)));
        break;
      case 'list':
        parts.push(list(b.items, b.ordered));
        break;
      case 'table':
        if (b.rows.length > 0) parts.push(table(b.rows));
        break;
      case 'component':
        parts.push(component(b.name, b.props));
        break;
      case 'break':
        break;
    }
  }
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}

/** A whole MDX file: YAML frontmatter (stringified, so values can never close it) and the body. */
export function mdxFile(frontmatter: Record<string, unknown>, body: Blocks): string {
  const yaml = stringify(frontmatter, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const text = blocksToMdx(body);
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}
type Blocks = Block[];
