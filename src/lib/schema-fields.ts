/**
 * The fields of a generated JSON Schema as a flat, ordered list: what Appendix 3 prints as the
 * template of a record. Reading the generated schema (not a hand-written list) keeps the template
 * and the checker on one definition.
 */
export interface SchemaField {
  /** `team.leader`, `findings[].type`. */
  path: string;
  depth: number;
  description: string;
  /** Required within its parent (a field of an optional group is required when the group is given). */
  required: boolean;
  /** Russian label of the value: «дата», «текст», «одно из: …», «список записей». */
  type: string;
}

interface Node {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Node[];
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  description?: string;
}

/** Fields that are bookkeeping, not part of a record's content. */
const TECHNICAL = new Set(['$schema', 'sample']);

export function schemaFields(schema: unknown): SchemaField[] {
  const out: SchemaField[] = [];
  walk(schema as Node, '', 0, out);
  return out;
}

function walk(node: Node, prefix: string, depth: number, out: SchemaField[]) {
  const required = new Set(node.required ?? []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (TECHNICAL.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    out.push({ path, depth, description: child.description ?? child.items?.description ?? '', required: required.has(key), type: typeLabel(child) });
    if (child.properties) walk(child, path, depth + 1, out);
    else if (child.items?.properties) walk(child.items, `${path}[]`, depth + 1, out);
  }
}

function typeLabel(node: Node): string {
  if (node.enum) return `одно из: ${node.enum.map((v) => `«${String(v)}»`).join(', ')}`;
  if (node.anyOf) return node.anyOf.map(typeLabel).join(' или ');
  if (node.const !== undefined) return JSON.stringify(node.const);
  switch (node.type) {
    case 'string':
      return node.format === 'date' ? 'дата ГГГГ-ММ-ДД' : 'текст';
    case 'integer':
      return 'целое число';
    case 'number':
      return 'число';
    case 'boolean':
      return 'да или нет (true / false)';
    case 'null':
      return 'пусто (null)';
    case 'object':
      return 'группа полей';
    case 'array':
      return node.items?.properties ? 'список записей' : `список: ${node.items ? typeLabel(node.items) : 'значения'}`;
    default:
      return 'значение';
  }
}
