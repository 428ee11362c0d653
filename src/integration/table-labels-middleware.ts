import type { MiddlewareHandler } from 'astro';
import { labelTables } from '../lib/table-labels.ts';

/** Labels the cells of every table on a built page, for the stacked rows of phones (src/lib/table-labels.ts). */
export const onRequest: MiddlewareHandler = async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  return new Response(labelTables(html), { status: response.status, statusText: response.statusText, headers: response.headers });
};
