import type { APIRoute } from 'astro';
import { getSite } from '../site/data.ts';
import { publishedReferences } from '../site/publication.ts';

/**
 * `/references.json`: what cites what, for published documents only — a restricted document appears
 * neither as a cited key nor as a citing `from`. Shape: `{ date, documents: {код: [ссылки]}, standards: {id: [ссылки]} }`.
 */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const index = publishedReferences(site.check.referenceIndex, site.publication.published);
  return new Response(`${JSON.stringify({ date: site.date, ...index }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
