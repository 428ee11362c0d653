import type { APIRoute } from 'astro';
import { getView } from '../site/view.ts';
import { registryExport } from '../site/registry-export.ts';

/** `/registry.json`: machine-readable registry of the published documents and editions. */
export const GET: APIRoute = async () => {
  const site = await getView();
  return new Response(`${JSON.stringify(registryExport(site), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
