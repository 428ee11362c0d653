import type { APIRoute } from 'astro';
import { pagesOfKind, sitePages } from '../../site/pages.ts';
import { getView } from '../../site/view.ts';
import { jsonSchemaFor } from '../../schemas/json-schema.ts';

/**
 * `/schemas/<name>.schema.json`: the JSON Schemas that records name in `$schema`, generated from the
 * same zod shapes as `schemas/` in the repository, so an editor can fetch them from the portal.
 */
export async function getStaticPaths() {
  return pagesOfKind(sitePages(await getView()), 'schema').map(({ file }) => ({ params: { name: file.replace(/\.json$/, '') } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(jsonSchemaFor(`${params.name}.json`), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
