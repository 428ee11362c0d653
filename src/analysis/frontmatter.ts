import { parseDocument, type Document } from 'yaml';
import type { ParseProblem } from '../model/parsed.ts';
import { duplicateYamlKeys, lineOf } from './duplicate-keys.ts';
import { nestingReason, tooDeep } from './nesting.ts';
import { yamlPositions } from './positions.ts';

const FRONTMATTER_RE = /^---\n([\s\S]*?)\n?^---[ \t]*$/m;

/** The frontmatter of an MDX text: its data (undefined when it cannot be read), where each field is, what is wrong. */
export function readFrontmatter(text: string): { data: unknown; positions: Record<string, number>; problems: ParseProblem[] } {
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
  return { data, positions, problems };
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
