import type { APIRoute } from 'astro';
import { JSON_SCHEMAS } from '../../schemas/index.ts';
import { jsonSchemaFor } from '../../schemas/json-schema.ts';

/**
 * `/schemas/<name>.schema.json`: the JSON Schemas that records name in `$schema`, generated from the
 * same zod shapes as `schemas/` in the repository, so an editor can fetch them from the portal.
 */
export function getStaticPaths() {
  return Object.keys(JSON_SCHEMAS).map((file) => ({ params: { name: file.replace(/\.json$/, '') } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(jsonSchemaFor(`${params.name}.json`), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
