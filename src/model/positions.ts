import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isSeq, isScalar, isPair, type Document, type Node as YamlNode } from 'yaml';

export type FieldPath = ReadonlyArray<string | number>;

/** Finds where a field path is in a source, as an offset into the whole file. */
export interface Locator {
  offsetOf(path: FieldPath): number;
}

/**
 * YAML (frontmatter): the deepest existing node on the path. For a key that does not exist,
 * the map that should hold it; for an unknown key, the key itself.
 */
export function yamlLocator(doc: Document, base: number): Locator {
  return {
    offsetOf(path) {
      let node: unknown = doc.contents;
      let offset = rangeStart(node) ?? 0;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
          if (!pair) break;
          offset = rangeStart(pair.key) ?? offset;
          node = pair.value;
          offset = rangeStart(node) ?? offset;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key];
          if (item === undefined) break;
          node = item;
          offset = rangeStart(node) ?? offset;
        } else break;
      }
      return base + offset;
    },
  };
}

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
