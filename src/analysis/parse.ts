import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { Extracted, ParsedMdx, ParseProblem } from '../model/parsed.ts';
import { extract } from './extract.ts';
import { readFrontmatter } from './frontmatter.ts';
import { mdxNestingReason, tooDeepMdx } from './nesting.ts';
import { mapLocator } from './positions.ts';

/** What the checker needs of an MDX file, as plain data: made in a worker or read from the cache. */
export interface MdxAnalysis {
  data: unknown;
  positions: Record<string, number>;
  problems: ParseProblem[];
  extracted: Extracted | null;
}

const mdxProcessor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

/** Parses and analyses an MDX file in this thread, keeping its tree. */
export function parseMdx(file: VFile): ParsedMdx {
  const { analysis, tree } = analyse(file);
  return fromAnalysis(file, analysis, tree);
}

/** The serialisable analysis of an MDX file (for worker threads and the cache). */
export function analyseMdx(file: VFile): MdxAnalysis {
  return analyse(file).analysis;
}

/** Rebuilds a ParsedMdx from an analysis; the tree is parsed again only if someone asks for it. */
export function fromAnalysis(file: VFile, analysis: MdxAnalysis, tree?: Root | null): ParsedMdx {
  return {
    file,
    data: analysis.data,
    locate: mapLocator(analysis.positions),
    extracted: analysis.extracted,
    problems: analysis.problems,
    // Not memoised: a site of thousands of documents would otherwise hold every tree a diff page
    // touched until the build ends (gigabytes), and Sätteri re-parses a document in about a millisecond.
    get tree() {
      if (tree !== undefined) return tree;
      return analysis.extracted ? parseTreeOf(file, analysis.extracted) : null;
    },
  };
}

function parseTreeOf(file: VFile, extracted: Extracted): Root | null {
  if (tooDeepMdx(String(file.value)) !== undefined) return null;
  try {
    return (runsCode(extracted) ? undefined : satteri(String(file.value))) ?? (mdxProcessor.parse(file) as Root);
  } catch {
    return null;
  }
}

/**
 * The tree and what it holds. The tree is Sätteri's — the Rust parser Astro 7 renders MDX with, about
 * five times faster than micromark — when that tree is all the checker needs. A text with ESM or `{…}`
 * expressions, or that Sätteri cannot parse, goes through remark-mdx: it attaches the ESTree of every
 * expression (for `mdx/forbidden-code`) and throws syntax errors (VFileMessage) with their place.
 */
function parseAndExtract(file: VFile): { tree: Root; extracted: Extracted } {
  const fast = satteri(String(file.value));
  if (fast) {
    const extracted = extract(fast);
    if (!runsCode(extracted)) return { tree: fast, extracted };
  }
  const tree = mdxProcessor.parse(file) as Root;
  return { tree, extracted: extract(tree) };
}

function satteri(text: string): Root | undefined {
  try {
    return mdxToMdast(text) as unknown as Root;
  } catch {
    return undefined;
  }
}

/** Whether MDX would run any of a text's code: imports, exports, `{…}` expressions, expression attributes. */
const runsCode = (extracted: Extracted) => extracted.code.some((node) => node.kind !== 'jsx');

function analyse(file: VFile): { analysis: MdxAnalysis; tree: Root | null } {
  const text = String(file.value);
  const { data, positions, problems } = readFrontmatter(text);
  const deepMdx = tooDeepMdx(text);
  if (deepMdx !== undefined) {
    problems.push({ ruleId: 'syntax/mdx', offset: deepMdx, reason: `ошибка разметки MDX: ${mdxNestingReason()}` });
    return { analysis: { data, positions, problems, extracted: null }, tree: null };
  }
  try {
    const { tree, extracted } = parseAndExtract(file);
    return { analysis: { data, positions, problems, extracted }, tree };
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    const place = { line: error.line ?? 1, column: error.column ?? 1, ...(error.line === undefined ? openingTagPlace(error.reason) : {}) };
    const autolink = autolinkBefore(text, place);
    problems.push({
      ruleId: 'syntax/mdx',
      place: autolink ?? place,
      reason: `ошибка разметки MDX: ${autolink ? AUTOLINK_REASON : mdxReason(error.reason)}`,
    });
    return { analysis: { data, positions, problems, extracted: null }, tree: null };
  }
}

const AUTOLINK_REASON = 'адрес в угловых скобках «<…>» в MDX не ссылка, а начало тега: пишите ссылку как [текст](https://…)';

/**
 * `<https://…>` and `<javascript:…>` are autolinks in Markdown and broken tags in MDX; the parser
 * stumbles somewhere inside them. The place of the `<` that starts one on the error's line, if any.
 */
function autolinkBefore(text: string, place: { line: number; column: number }): { line: number; column: number } | undefined {
  const line = text.split('\n', place.line)[place.line - 1] ?? '';
  const start = line.lastIndexOf('<', place.column - 1);
  return start !== -1 && /^<[a-z][a-z0-9+.-]*:/i.test(line.slice(start)) ? { line: place.line, column: start + 1 } : undefined;
}

/**
 * A tag left open until the end of the file: the parser's error has no place of its own (it stopped at
 * the end), but its text names the opening tag's span, «Expected a closing tag for `<Note>` (53:1-53:7)».
 */
function openingTagPlace(reason: string): { line: number; column: number } | undefined {
  const m = /closing tag for `<[^`]*>` \((\d+):(\d+)-/.exec(reason);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/**
 * micromark's MDX errors in the author's words. Each names what to do; an error this table does not know
 * still says, in Russian, where to look, and quotes the parser.
 */
function mdxReason(reason: string): string {
  if (/to create a link in MDX/.test(reason)) return AUTOLINK_REASON;
  if (/Unexpected end of file in expression/.test(reason)) return 'незакрытая фигурная скобка «{»; чтобы написать её как текст, используйте «\\{»';
  if (/Could not parse expression with acorn/.test(reason))
    return 'в фигурных скобках «{…}» MDX ждёт выражение JavaScript, а в содержимом его быть не может: чтобы написать скобку текстом, экранируйте её: «\\{» (якорь заголовка «{#…}» не нужен: портал строит его из текста заголовка)';
  if (/Could not parse import\/exports with acorn|in code: only import\/exports are supported/.test(reason))
    return 'строка начинается со слова import или export — в MDX это код, а в содержимом его быть не может: начните строку иначе или напишите первую букву кодом («&#x69;» вместо i, «&#x65;» вместо e)';
  const unclosed = /Expected a closing tag for `<([^`>]*)>`/.exec(reason)?.[1];
  if (unclosed !== undefined) return `тег <${unclosed}> не закрыт: добавьте </${unclosed}> до конца абзаца или экранируйте «<» как «&lt;»`;
  const mismatch = /Unexpected closing tag `<\/([^`>]*)>`, expected corresponding closing tag for `<([^`>]*)>`/.exec(reason);
  if (mismatch)
    return `закрывающий тег </${mismatch[1]}> стоит там, где ждали </${mismatch[2]}>: закройте сначала <${mismatch[2]}> — теги закрываются в обратном порядке`;
  if (/Unexpected closing slash `\/` in tag, expected an open tag first/.test(reason))
    return 'закрывающий тег без открывающего: уберите его или экранируйте «<» как «&lt;»';
  if (/Unexpected character `!` .* before name/.test(reason))
    return 'HTML-комментарий «<!-- … -->» в MDX не поддерживается: пишите комментарий как {/* … */}, он не попадёт на страницу';
  if (/before name/.test(reason)) return 'символ «<» начинает тег: в тексте пишите его как «&lt;» (например, «&lt; 5 дней»)';
  if (/in (?:member )?name|after (?:local )?name|before attribute|after attribute|in attribute|attribute value|end of the tag|in tag/.test(reason))
    return 'тег записан с ошибкой: имя из букв, атрибуты как имя="значение", в конце «>» или «/>»; если «<» здесь текст, пишите «&lt;»';
  if (/lazy line/.test(reason))
    return 'тег или выражение внутри списка или цитаты продолжены строкой без отступа: сдвиньте строку, как остальные строки пункта, или закройте тег на той же строке';
  return `разметка MDX не разобрана: проверьте здесь теги «<…>» и фигурные скобки «{…}» (как текст их пишут «&lt;» и «\\{»); разбор сообщил: ${reason}`;
}
