import type { Node as JsonNode } from 'jsonc-parser';
import { isMap, isScalar, isSeq } from 'yaml';

/**
 * Keys written twice in one object or mapping. JSON.parse and YAML readers both keep the last of two
 * equal keys, silently; the checker names both places instead.
 */

/** Line (1-based) of an offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Both JSON.parse and YAML readers keep the last of two equal keys, silently: name both places. */
export const duplicateReason = (key: string, firstLine: number) =>
  `свойство «${key}» указано дважды (первый раз — в строке ${firstLine}); действовало бы последнее значение, незаметно — оставьте одно`;

/** Every repeated key of a JSON object, at any depth: where it repeats and where it was first. */
export function* duplicateJsonKeys(root: JsonNode): Generator<{ offset: number; key: string; first: number }> {
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

export function duplicateYamlKeys(root: unknown, lineAt: (offset: number) => number): Array<{ offset: number; reason: string }> {
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
