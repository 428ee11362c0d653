import type { MiddlewareHandler } from 'astro';
import { labelTables } from '../lib/table-labels.ts';
import { pageEvents } from './page-events.ts';

/**
 * Labels the cells of every table on a built page, for the stacked rows of phones (src/lib/table-labels.ts).
 * The last middleware to touch the HTML: what it returns is what Astro writes, so `npm run build` takes
 * the page for the search index from here rather than reading the file back.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = labelTables(await response.text());
  if (response.ok) pageEvents()?.rendered(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
};
