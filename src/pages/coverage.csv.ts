import type { APIRoute } from 'astro';
import { clauseMatrix, matrixCsv } from '../site/clause-matrix.ts';
import { getView } from '../site/view.ts';

/** `/coverage.csv`: the clause-to-evidence matrix for Excel (UTF-8 with BOM). */
export const GET: APIRoute = async () => new Response(matrixCsv(clauseMatrix(await getView())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
