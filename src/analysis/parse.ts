import type { Root } from 'mdast';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Extracted, Locator, ParsedMdx, ParseProblem } from '../model/parsed.ts';
import { extract } from './extract.ts';
import { jsonLocator, mapLocator, yamlPositions } from './positions.ts';
import { mdxNestingReason, nestingReason, tooDeep, tooDeepMdx } from './nesting.ts';

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
  if (tooDeepMdx(String(file.value)) !== undefined) return null;
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
    problems.push({
      ruleId: 'syntax/frontmatter',
      offset: 0,
      reason: 'нет блока свойств (frontmatter): файл должен начинаться со строки «---», затем свойства документа в YAML и снова «---»',
    });
  } else {
    const base = 4;
    const yaml = fm[1] ?? '';
    const deep = tooDeep(yaml, 'yaml');
    if (deep !== undefined) {
      problems.push({ ruleId: 'syntax/yaml', offset: base + deep, reason: `ошибка в свойствах: ${nestingReason()}` });
    } else {
      // Core schema only, no YAML 1.1 extras (!!binary, !!set…): frontmatter holds plain values,
      // and a tag the build's own YAML reader would treat otherwise must stop here, located.
      const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false, schema: 'core', resolveKnownTags: false });
      const yamlProblems = yamlDocumentProblems(doc, yaml, (offset) => lineOf(text, base + offset));
      for (const problem of yamlProblems) problems.push({ ruleId: 'syntax/yaml', offset: base + problem.offset, reason: problem.reason });
      try {
        if (yamlProblems.length === 0) data = doc.toJS({ maxAliasCount: 100 }) ?? {};
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
  const deepMdx = tooDeepMdx(text);
  if (deepMdx !== undefined) {
    problems.push({ ruleId: 'syntax/mdx', offset: deepMdx, reason: `ошибка разметки MDX: ${mdxNestingReason()}` });
    return { analysis: { data, positions, problems, extracted: null }, tree: null };
  }
  let tree: Root | null = parseFast(text);
  if (!tree)
    try {
      tree = mdxProcessor.parse(file) as Root;
    } catch (error) {
      if (!(error instanceof VFileMessage)) throw error;
      const place = { line: error.line ?? 1, column: error.column ?? 1, ...(error.line === undefined ? openingTagPlace(error.reason) : {}) };
      const autolink = autolinkBefore(text, place);
      problems.push({
        ruleId: 'syntax/mdx',
        place: autolink ?? place,
        reason: `ошибка разметки MDX: ${autolink ? AUTOLINK_REASON : mdxReason(error.reason)}`,
      });
    }
  return { analysis: { data, positions, problems, extracted: tree ? extract(tree) : null }, tree };
}

export function parseJson(file: VFile): ParsedJson {
  const deep = tooDeep(String(file.value), 'json');
  if (deep !== undefined)
    return {
      file,
      data: undefined,
      locate: jsonLocator(undefined),
      problems: [{ ruleId: 'syntax/json', offset: deep, reason: `ошибка в данных JSON: ${nestingReason()}` }],
    };
  const errors: ParseError[] = [];
  const root: JsonNode | undefined = parseTree(String(file.value), errors, { allowTrailingComma: false, disallowComments: true });
  const problems: ParseProblem[] = errors.map((error) => ({
    ruleId: 'syntax/json',
    offset: error.offset,
    reason: `ошибка синтаксиса JSON: ${JSON_ERRORS[printParseErrorCode(error.error)] ?? printParseErrorCode(error.error)}`,
  }));
  if (root && problems.length === 0) {
    const text = String(file.value);
    for (const { offset, key, first } of duplicateJsonKeys(root)) {
      problems.push({ ruleId: 'syntax/json', offset, reason: `ошибка в данных JSON: ${duplicateReason(key, lineOf(text, first))}` });
    }
  }
  let data: unknown;
  if (problems.length === 0) data = JSON.parse(String(file.value));
  return { file, data, locate: jsonLocator(root), problems };
}

/** Line (1-based) of an offset in a text. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Both JSON.parse and YAML readers keep the last of two equal keys, silently: name both places. */
const duplicateReason = (key: string, firstLine: number) =>
  `свойство «${key}» указано дважды (первый раз — в строке ${firstLine}); действовало бы последнее значение, незаметно — оставьте одно`;

/** Every repeated key of a JSON object, at any depth: where it repeats and where it was first. */
function* duplicateJsonKeys(root: JsonNode): Generator<{ offset: number; key: string; first: number }> {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, keyNode.offset);
        else yield { offset: keyNode.offset, key, first };
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
}

/**
 * What is wrong with a parsed frontmatter document, located by offset in the YAML text:
 * - a tab used for indentation is reported once per line and alone: the parser's other errors
 *   after it (compact mappings, implicit keys, bad indent) are its consequences and mislead;
 * - a tag outside the core schema (`!!js/function`, `!custom`, `!!binary`) is an error, not a warning;
 * - a key repeated in one mapping, at any depth, names the line of its first occurrence.
 */
function yamlDocumentProblems(doc: Document, yaml: string, lineAt: (offset: number) => number): Array<{ offset: number; reason: string }> {
  // The parser reports a stack overflow once per character it could not reach: one message is enough.
  const overflow = doc.errors.find((error) => /call stack/i.test(error.message));
  if (overflow) return [{ offset: overflow.pos[0] ?? 0, reason: `ошибка в свойствах: ${nestingReason()}` }];
  const tabs = doc.errors.filter((error) => error.code === 'TAB_AS_INDENT');
  if (!tabs.length && doc.errors.length) {
    // A key moved to the start of its line sets off several errors further down, none about it.
    const dedented = dedentedKey(yaml);
    if (dedented) return [dedented];
  }
  const errors = tabs.length ? tabs : doc.errors;
  const out = errors.map((error) => ({ offset: error.pos[0] ?? 0, reason: yamlReason(error.code, error.message) }));
  for (const warning of doc.warnings) {
    const tag = warning.code === 'TAG_RESOLVE_FAILED' ? yaml.slice(warning.pos[0], warning.pos[1]) : undefined;
    out.push({
      offset: warning.pos[0] ?? 0,
      reason: tag
        ? `ошибка в свойствах: тег YAML «${tag}» не поддерживается — свойства пишутся простыми значениями; удалите «${tag}» (если значение должно остаться строкой, возьмите его в кавычки)`
        : yamlReason(warning.code, warning.message),
    });
  }
  if (!tabs.length) out.push(...duplicateYamlKeys(doc.contents, lineAt));
  return out.sort((a, b) => a.offset - b.offset);
}

const KEY_LINE = /^([\p{L}\p{N}_$][\p{L}\p{N}_$-]*):(?:\s|$)/u;

/**
 * A key line at column 0 inside an indented block (`summary:` under `passport:` typed without its
 * two spaces): if giving it the indentation of a neighbouring line makes the YAML valid, that is the
 * one finding, with the indentation and the block it belongs to.
 */
function dedentedKey(yaml: string): { offset: number; reason: string } | undefined {
  const lines = yaml.split('\n');
  const indentOf = (line: string) => /^ */.exec(line)![0].length;
  const blank = (line: string) => /^\s*(#.*)?$/.test(line);
  let offset = 0;
  for (let i = 0; i < lines.length; offset += lines[i]!.length + 1, i++) {
    const key = KEY_LINE.exec(lines[i]!)?.[1];
    if (!key || i === 0) continue;
    const previous = lines.slice(0, i).findLast((line) => !blank(line));
    const next = lines.slice(i + 1).find((line) => !blank(line));
    if (!previous || indentOf(previous) === 0 || !next || indentOf(next) === 0) continue;
    // A previous key without a value opens a block: its first child is the likeliest place.
    const opens = /:\s*(#.*)?$/.test(previous) ? [indentOf(previous) + 2] : [];
    const tries = [...new Set([...opens, indentOf(next), indentOf(next) - 2, indentOf(previous)])].filter((n) => n > 0);
    for (const indent of tries) {
      const fixed = [...lines.slice(0, i), ' '.repeat(indent) + lines[i], ...lines.slice(i + 1)].join('\n');
      if (parseDocument(fixed, { uniqueKeys: false, schema: 'core' }).errors.length) continue;
      const parent = lines
        .slice(0, i)
        .findLast((line) => !blank(line) && indentOf(line) < indent && KEY_LINE.test(line.trimStart()))
        ?.trim()
        .replace(/:.*$/, '');
      return {
        offset,
        reason: `ошибка синтаксиса YAML в свойствах: у свойства «${key}» нет отступа, а оно относится к «${parent ?? 'блоку выше'}» — поставьте перед «${key}» ${indent} ${spaces(indent)}, как у соседних свойств этого блока`,
      };
    }
  }
  return undefined;
}

const spaces = (n: number) =>
  n % 10 === 1 && n % 100 !== 11 ? 'пробел' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'пробела' : 'пробелов';

function duplicateYamlKeys(root: unknown, lineAt: (offset: number) => number): Array<{ offset: number; reason: string }> {
  const out: Array<{ offset: number; reason: string }> = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const at = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        if (key !== undefined && at !== undefined) {
          const first = seen.get(key);
          if (first === undefined) seen.set(key, at);
          else out.push({ offset: at, reason: `ошибка синтаксиса YAML в свойствах: ${duplicateReason(key, lineAt(first))}` });
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return out;
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
    TAB_AS_INDENT: 'отступ табуляцией: в YAML отступы делаются пробелами — замените табуляцию пробелами, как у соседних свойств',
    BLOCK_AS_IMPLICIT_KEY: 'неверная структура: если в значении есть «: », заключите всё значение в кавычки',
    UNEXPECTED_TOKEN: 'неожиданный символ',
  };
  const first = message.split('\n')[0] ?? message;
  const bracket = /end with an? ([\]}])/.exec(first)?.[1];
  if (bracket)
    return `ошибка синтаксиса YAML в свойствах: незакрытая скобка — закройте «${bracket === ']' ? '[' : '{'}» скобкой «${bracket}» на той же строке или возьмите значение в кавычки`;
  return `ошибка синтаксиса YAML в свойствах: ${known[code] ?? first}`;
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

function mdxReason(reason: string): string {
  if (/to create a link in MDX/.test(reason)) return AUTOLINK_REASON;
  if (/Unexpected end of file in expression/.test(reason)) return 'незакрытая фигурная скобка «{»; чтобы написать её как текст, используйте «\\{»';
  const unclosed = /Expected a closing tag for `<([^`>]*)>`/.exec(reason)?.[1];
  if (unclosed !== undefined) return `тег <${unclosed}> не закрыт: добавьте </${unclosed}> до конца абзаца или экранируйте «<» как «&lt;»`;
  if (/Expected a closing tag/.test(reason)) return `${reason} — закройте тег или экранируйте «<» как «&lt;»`;
  if (/Unexpected character `!` .* before name/.test(reason))
    return 'HTML-комментарий «<!-- … -->» в MDX не поддерживается: пишите комментарий как {/* … */}, он не попадёт на страницу';
  if (/Unexpected character .* before name/.test(reason)) return `${reason} — символ «<» в тексте пишется как «&lt;»`;
  return reason;
}
