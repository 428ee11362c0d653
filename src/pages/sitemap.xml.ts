import type { APIRoute } from 'astro';
import { escapeXml } from '../lib/xml.ts';
import { pagesOf } from '../site/pages.ts';
import { getView } from '../site/view.ts';

/**
 * `/sitemap.xml`, written from the published view's page inventory (src/site/pages.ts; a generic sitemap
 * integration would list every built route, including any a future page forgets to filter). It lists every
 * page the inventory marks indexed: not the search page, the editions not in force, the pinned copy of the
 * edition in force (its canonical address is the document's) or the «что изменилось» pages, which are all
 * noindex. test/site/sitemap.test.ts checks the list against the built files.
 */
export const GET: APIRoute = async () => {
  const site = await getView();
  const base = site.config.site.replace(/\/$/, '');
  const paths = pagesOf({ site, documents: site.documents })
    .filter((page) => page.indexed)
    .map((page) => page.path);
  const urls = paths.map((p) => `  <url><loc>${escapeXml(encodeURI(`${base}${p}`))}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
