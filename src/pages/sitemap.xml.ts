import type { APIRoute } from 'astro';
import { routes } from '../lib/routes.ts';
import { escapeXml } from '../lib/xml.ts';
import { getView } from '../site/view.ts';

/**
 * `/sitemap.xml`, written from the published documents only (a generic sitemap integration would list
 * every built route, including any a future page forgets to filter).
 */
export const GET: APIRoute = async () => {
  const site = await getView();
  const base = site.config.site.replace(/\/$/, '');
  const paths = [
    routes.home(), routes.registry(), routes.glossary(), routes.standards(),
    ...site.standards.map((s) => routes.standard(s.id)),
    ...site.documents.flatMap((doc) => [routes.document(doc.code), ...doc.appendices.map((a) => routes.appendix(doc.code, a.data.number))]),
  ];
  const urls = paths.map((p) => `  <url><loc>${escapeXml(encodeURI(`${base}${p}`))}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
