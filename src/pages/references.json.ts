import type { APIRoute } from 'astro';
import { getView } from '../site/view.ts';

/**
 * `/references.json`: what cites what, between published texts only — a restricted document or edition
 * appears neither as a cited key nor as a citing text. Shape: `{ date, documents: {код: [ссылки]}, standards: {id: [ссылки]} }`.
 */
export const GET: APIRoute = async () => {
  const site = await getView();
  return new Response(`${JSON.stringify({ date: site.date, ...site.references }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
