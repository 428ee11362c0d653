import type { Root } from 'mdast';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { parseDocument } from 'yaml';
import { extract, type Extracted } from '../validation/extract.ts';
import { jsonLocator, mapLocator, yamlPositions, type Locator } from './positions.ts';
import { nestingReason, tooDeep } from './nesting.ts';

/** A problem found while reading a file, before any rule runs. */
export interface ParseProblem {
  ruleId: 'syntax/yaml' | 'syntax/mdx' | 'syntax/json' | 'syntax/frontmatter';
  offset?: number;
  place?: { line: number; column: number };
  reason: string;
}

export interface ParsedMdx {
  file: VFile;
  /** Frontmatter data as plain JS, or undefined when it could not be read. */
  data: unknown;
  locate: Locator;
  /** References, headings and code found in the body; null when the body is not valid MDX. */
  extracted: Extracted | null;
  /** The MDX tree, parsed on first use (analyses from workers or the cache carry none). */
  readonly tree: Root | null;
  problems: ParseProblem[];
}

/** What the checker needs of an MDX file, as plain data: made in a worker or read from the cache. */
export interface MdxAnalysis {
  data: unknown;
  positions: Record<string, number>;
  problems: ParseProblem[];
  extracted: Extracted | null;
}

export interface ParsedJson {
  file: VFile;
  data: unknown;
  locate: Locator;
  problems: ParseProblem[];
}

const mdxProcessor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);
const FRONTMATTER_RE = /^---\n([\s\S]*?)\n?^---[ \t]*$/m;

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
      return analysis.extracted ? parseTreeOf(file) : null;
    },
  };
}

function parseTreeOf(file: VFile): Root | null {
  try {
    return parseFast(String(file.value)) ?? (mdxProcessor.parse(file) as Root);
  } catch {
    return null;
  }
}

/**
 * The tree from Sätteri — the Rust parser Astro 7 renders MDX with, about five times faster than
 * micromark — when that tree is all the checker needs. Files with ESM or `{…}` expressions, or that
 * do not parse, return null and go through remark-mdx: it attaches the ESTree of every expression
 * (for `mdx/forbidden-code`) and reports syntax errors with their place.
 */
function parseFast(text: string): Root | null {
  let tree: Root;
  try {
    tree = mdxToMdast(text) as unknown as Root;
  } catch {
    return null;
  }
  return hasCode(tree) ? null : tree;
}

const CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);
export function hasCode(node: { type: string; children?: unknown[]; attributes?: Array<{ type: string; value?: unknown }> }): boolean {
  if (CODE_NODES.has(node.type)) return true;
  if (node.attributes?.some((a) => a.type === 'mdxJsxExpressionAttribute' || (typeof a.value === 'object' && a.value !== null))) return true;
  return (node.children ?? []).some((child) => hasCode(child as Parameters<typeof hasCode>[0]));
}

function analyse(file: VFile): { analysis: MdxAnalysis; tree: Root | null } {
  const text = String(file.value);
  const problems: ParseProblem[] = [];
  let data: unknown;
  let positions: Record<string, number> = {};
  const fm = text.startsWith('---\n') ? FRONTMATTER_RE.exec(text) : null;
  if (!fm || fm.index !== 0) {
    problems.push({ ruleId: 'syntax/frontmatter', offset: 0, reason: 'нет блока свойств (frontmatter): файл должен начинаться со строки «---», затем свойства документа в YAML и снова «---»' });
  } else {
    const base = 4;
    const yaml = fm[1] ?? '';
    const deep = tooDeep(yaml, 'yaml');
    if (deep !== undefined) {
      problems.push({ ruleId: 'syntax/yaml', offset: base + deep, reason: `ошибка в свойствах: ${nestingReason()}` });
    } else {
      const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
      // The parser reports a stack overflow once per character it could not reach: one message is enough.
      const overflow = doc.errors.find((error) => /call stack/i.test(error.message));
      for (const error of overflow ? [overflow] : doc.errors) {
        problems.push({ ruleId: 'syntax/yaml', offset: base + (error.pos[0] ?? 0), reason: overflow ? `ошибка в свойствах: ${nestingReason()}` : yamlReason(error.code, error.message) });
      }
      try {
        if (doc.errors.length === 0) data = doc.toJS({ maxAliasCount: 100 }) ?? {};
        positions = yamlPositions(doc, base);
      } catch (error) {
        // `maxAliasCount` stops a «billion laughs» document; recursion limits stop the rest.
        const alias = /alias/i.test((error as Error).message);
        const at = alias ? /(?:^|[\s[{,])\*[^\s,\]}]/m.exec(yaml) : null;
        data = undefined;
        problems.push({
          ruleId: 'syntax/yaml',
          offset: base + (at ? at.index + at[0].indexOf('*') : 0),
          reason: alias
            ? 'ошибка в свойствах: псевдонимы YAML (*имя) раскрываются в слишком большой объём данных; напишите значения прямо, без якорей и псевдонимов'
            : `ошибка в свойствах: ${nestingReason()}`,
        });
      }
    }
  }
  let tree: Root | null = parseFast(text);
  if (!tree) try {
    tree = mdxProcessor.parse(file) as Root;
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    problems.push({
      ruleId: 'syntax/mdx',
      place: { line: error.line ?? 1, column: error.column ?? 1 },
      reason: `ошибка разметки MDX: ${mdxReason(error.reason)}`,
    });
  }
  return { analysis: { data, positions, problems, extracted: tree ? extract(tree) : null }, tree };
}

export function parseJson(file: VFile): ParsedJson {
  const deep = tooDeep(String(file.value), 'json');
  if (deep !== undefined) return { file, data: undefined, locate: jsonLocator(undefined), problems: [{ ruleId: 'syntax/json', offset: deep, reason: `ошибка в данных JSON: ${nestingReason()}` }] };
  const errors: ParseError[] = [];
  const root: JsonNode | undefined = parseTree(String(file.value), errors, { allowTrailingComma: false, disallowComments: true });
  const problems: ParseProblem[] = errors.map((error) => ({
    ruleId: 'syntax/json',
    offset: error.offset,
    reason: `ошибка синтаксиса JSON: ${JSON_ERRORS[printParseErrorCode(error.error)] ?? printParseErrorCode(error.error)}`,
  }));
  let data: unknown;
  if (problems.length === 0) data = JSON.parse(String(file.value));
  return { file, data, locate: jsonLocator(root), problems };
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'недопустимый символ',
  InvalidNumberFormat: 'неверная запись числа',
  PropertyNameExpected: 'ожидается имя свойства в двойных кавычках',
  ValueExpected: 'ожидается значение',
  ColonExpected: 'ожидается двоеточие',
  CommaExpected: 'ожидается запятая',
  CloseBraceExpected: 'ожидается закрывающая фигурная скобка «}»',
  CloseBracketExpected: 'ожидается закрывающая квадратная скобка «]»',
  EndOfFileExpected: 'после значения не должно быть текста',
  InvalidCommentToken: 'комментарии в JSON не допускаются',
  UnexpectedEndOfComment: 'незакрытый комментарий',
  UnexpectedEndOfString: 'незакрытая строка: добавьте кавычку',
  UnexpectedEndOfNumber: 'незаконченное число',
  InvalidUnicode: 'неверная escape-последовательность \\u',
  InvalidEscapeCharacter: 'неверная escape-последовательность',
  InvalidCharacter: 'недопустимый управляющий символ в строке',
};

function yamlReason(code: string, message: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: 'свойство указано дважды: оставьте одно',
    BAD_INDENT: 'неверный отступ: вложенные свойства выравниваются пробелами одинаково',
    MISSING_CHAR: 'не хватает символа (незакрытая кавычка или скобка?)',
    MULTILINE_IMPLICIT_KEY: 'ключ не может занимать несколько строк: проверьте двоеточие и кавычки на предыдущей строке',
    TAB_AS_INDENT: 'отступ табуляцией: в YAML отступы делаются пробелами',
    BLOCK_AS_IMPLICIT_KEY: 'неверная структура: если в значении есть «: », заключите всё значение в кавычки',
    UNEXPECTED_TOKEN: 'неожиданный символ',
  };
  const first = message.split('\n')[0] ?? message;
  const bracket = /end with an? ([\]}])/.exec(first)?.[1];
  if (bracket) return `ошибка синтаксиса YAML в свойствах: незакрытая скобка — закройте «${bracket === ']' ? '[' : '{'}» скобкой «${bracket}» на той же строке или возьмите значение в кавычки`;
  return `ошибка синтаксиса YAML в свойствах: ${known[code] ?? first}`;
}

function mdxReason(reason: string): string {
  if (/Unexpected end of file in expression/.test(reason)) return 'незакрытая фигурная скобка «{»; чтобы написать её как текст, используйте «\\{»';
  const unclosed = /Expected a closing tag for `<([^`>]*)>`/.exec(reason)?.[1];
  if (unclosed !== undefined) return `тег <${unclosed}> не закрыт: добавьте </${unclosed}> до конца абзаца или экранируйте «<» как «&lt;»`;
  if (/Expected a closing tag/.test(reason)) return `${reason} — закройте тег или экранируйте «<» как «&lt;»`;
  if (/Unexpected character `!` .* before name/.test(reason)) return 'HTML-комментарий «<!-- … -->» в MDX не поддерживается: пишите комментарий как {/* … */}, он не попадёт на страницу';
  if (/Unexpected character .* before name/.test(reason)) return `${reason} — символ «<» в тексте пишется как «&lt;»`;
  return reason;
}
