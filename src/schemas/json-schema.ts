import { z } from 'zod';
import { JSON_SCHEMAS } from './index.ts';

/**
 * The JSON Schema document of a zod shape, as published under `schemas/` and `/schemas/<name>`:
 * editors complete and check JSON records with it, and the checker validates them with the same
 * document, so an author's editor and `npm run check` never disagree.
 */
export function jsonSchemaFor(name: string): Record<string, unknown> {
  const entry = JSON_SCHEMAS[name];
  if (!entry) throw new Error(`unknown schema ${name}`);
  const generated = z.toJSONSchema(entry.schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, $id: `/schemas/${name}`, title: entry.title };
}
