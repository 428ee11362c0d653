import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { VFile } from 'vfile';
import { jsonSyntaxProblems } from '../lib/json-syntax.ts';
import type { Locator, ParseProblem } from '../model/parsed.ts';
import { duplicateJsonKeys, duplicateReason, lineOf } from './duplicate-keys.ts';
import { nestingReason, tooDeep } from './nesting.ts';
import { jsonLocator } from './positions.ts';

export interface ParsedJson {
  file: VFile;
  data: unknown;
  locate: Locator;
  problems: ParseProblem[];
}

/** Reads a JSON data file strictly: no comments, no trailing commas, no repeated keys, bounded nesting. */
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
  const problems: ParseProblem[] = jsonSyntaxProblems(String(file.value), errors).map((problem) => ({ ruleId: 'syntax/json', ...problem }));
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
