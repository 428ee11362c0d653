import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isSeq, isScalar, isPair, type Document, type Node as YamlNode } from 'yaml';
import type { Locator } from '../model/parsed.ts';

function rangeStart(node: unknown): number | undefined {
  return (node as YamlNode | null)?.range?.[0];
}

/** JSON: the value at the path, or the nearest existing ancestor; an unknown key points at the key. */
export function jsonLocator(root: JsonNode | undefined): Locator {
  return {
    offsetOf(path) {
      if (!root) return 0;
      for (let depth = path.length; depth >= 0; depth--) {
        const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
        if (node) return node.parent?.type === 'property' && depth === path.length ? node.parent.offset : node.offset;
      }
      return root.offset;
    },
  };
}

/**
 * Where each field of a YAML document is, by field path (`["passport","goals",0]` → offset): the
 * value's offset, or the key's when the value has none. Plain data, so an analysis made in a worker
 * thread or read from the cache can still point at fields.
 */
export function yamlPositions(doc: Document, base: number): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (node: unknown, path: Array<string | number>) => {
    const start = rangeStart(node);
    if (start !== undefined) out[JSON.stringify(path)] = base + start;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = [...path, String(pair.key.value)];
        const keyStart = rangeStart(pair.key);
        if (keyStart !== undefined) out[JSON.stringify(key)] = base + keyStart;
        walk(pair.value, key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
  };
  walk(doc.contents, []);
  return out;
}

/** A locator over recorded positions: the longest recorded prefix of the path. */
export function mapLocator(positions: Record<string, number>): Locator {
  return {
    offsetOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const hit = positions[JSON.stringify(path.slice(0, depth))];
        if (hit !== undefined) return hit;
      }
      return 0;
    },
  };
}
