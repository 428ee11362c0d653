import type { APIRoute } from 'astro';
import { clauseMatrix } from '../site/clause-matrix.ts';
import { getView } from '../site/view.ts';

/** `/coverage.json`: the clause-to-evidence matrix as data. */
export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(clauseMatrix(await getView()), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
