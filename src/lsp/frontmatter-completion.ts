import { z } from 'zod';
import { appendix as appendixSchema, edition as editionSchema } from '../schemas/document.ts';
import { frontmatterEnd, type Context, type Item } from './context.ts';
import { codes, standards } from './candidates.ts';

/** Completion in the frontmatter: keys the schema allows and the file lacks, values by the schema's enums and the registries. */

type JsonNode = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  description?: string;
  anyOf?: JsonNode[];
  additionalProperties?: JsonNode | boolean;
  default?: unknown;
};
const schemaCache = new Map<string, JsonNode>();
function frontmatterSchema(kind: 'edition' | 'appendix'): JsonNode {
  let schema = schemaCache.get(kind);
  if (!schema) {
    schema = z.toJSONSchema(kind === 'edition' ? editionSchema : appendixSchema, { io: 'input', unrepresentable: 'any' }) as JsonNode;
    schemaCache.set(kind, schema);
  }
  return schema;
}

/** The keys (with the object they belong to) above a frontmatter line, by indentation. */
function parentPath(text: string, lineStart: number, indent: number): string[] {
  const out: string[] = [];
  let want = indent;
  const lines = text.slice(0, lineStart).split('\n').reverse();
  for (const l of lines) {
    if (l === '---') break;
    const m = /^(\s*)(?:-\s+)?([\w$]+):/.exec(l);
    if (!m) continue;
    const ind = m[1]!.length + (/^\s*-\s/.test(l) ? 2 : 0);
    if (ind < want) {
      out.unshift(m[2]!);
      want = m[1]!.length;
      if (want === 0) break;
    }
  }
  return out;
}

function nodeAt(root: JsonNode, keys: string[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const key of keys) {
    node = unwrap(node);
    if (node?.items) node = unwrap(node.items);
    node = node?.properties?.[key] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  node = unwrap(node);
  return node?.items ? unwrap(node.items) : node;
}
const unwrap = (node: JsonNode | undefined): JsonNode | undefined => (node?.anyOf ? (node.anyOf.find((n) => n.type !== 'null') ?? node) : node);

export function completeFrontmatter(ctx: Context, line: string, offset: number, lineStart: number): Item[] {
  const schema = frontmatterSchema(ctx.rel.includes('/appendices/') ? 'appendix' : 'edition');
  const keyOnly = /^(\s*)(-\s+)?([\w$]*)$/.exec(line);
  if (keyOnly) {
    const indent = keyOnly[1]!.length + (keyOnly[2]?.length ?? 0);
    const parent = indent === 0 ? schema : nodeAt(schema, parentPath(ctx.text, lineStart, indent));
    const present = new Set(indent === 0 ? [...ctx.text.slice(0, frontmatterEnd(ctx.text)).matchAll(/^([\w$]+):/gm)].map((m) => m[1]) : []);
    return Object.entries(parent?.properties ?? {})
      .filter(([key]) => !present.has(key))
      .map(([key, node]) => ({
        label: key,
        kind: 'key' as const,
        detail: describeType(node),
        documentation: unwrap(node)?.description ?? node.description,
        insert: `${key}: `,
        from: offset - keyOnly[3]!.length,
      }));
  }
  const pair = /^(\s*)(-\s+)?([\w$]+):\s*["']?([^"']*)$/.exec(line) ?? /^(\s*)(-\s+)()["']?([^"':]*)$/.exec(line);
  if (!pair) return [];
  const indent = pair[1]!.length + (pair[2]?.length ?? 0);
  const keys = [...parentPath(ctx.text, lineStart, indent), ...(pair[3] ? [pair[3]] : [])];
  const key = keys.at(-1) ?? '';
  const from = offset - pair[4]!.length;
  const { lookup } = ctx.run;
  const node = nodeAt(schema, keys);
  if (node?.enum) return node.enum.map((value) => ({ label: String(value), kind: 'value' as const, from }));
  if (key === 'access') return [...lookup.accessLevels.values()].map((a) => ({ label: a.id, kind: 'value' as const, detail: a.name, from }));
  if (key === 'unit') return [...lookup.units.values()].map(({ data }) => ({ label: data.id, kind: 'value' as const, detail: data.name, from }));
  if (key === 'code' || key === 'replacedBy') return codes(ctx, from);
  if (key === 'cite') return [...standards(ctx, from), ...codes(ctx, from)];
  if (keys.includes('reviewedAgainst')) return codes(ctx, from);
  return [];
}

function describeType(node: JsonNode): string | undefined {
  const n = unwrap(node);
  if (n?.enum) return n.enum.join(' | ');
  return Array.isArray(n?.type) ? n.type.join(' | ') : n?.type;
}
