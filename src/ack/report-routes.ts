import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { openForAcknowledgement } from './editions.ts';
import { byUnit, editionRows, figures, reportCsv, within, type ReportRow } from './report.ts';
import { editionOf, fail, readerOf, Refusal, type AckContext } from './request-context.ts';
import { acknowledgeBy } from '../model/acknowledge.ts';

/** Reports: who acknowledged what, for the quality department (every unit) and unit heads (their units); figures without names for the matrix. */

const reportQuery = z.object({
  code: z.string().optional(),
  version: z.string().optional(),
  unit: z.string().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export function reportRoutes(app: FastifyInstance, ctx: AckContext) {
  app.get('/api/ack/report', async (request, reply) => {
    try {
      const { code, version, format, root, rows } = await reportOf(ctx, request);
      reply.header('cache-control', 'private, no-store');
      if (format === 'csv') {
        const name = `ack-${code ? `${code}-${version}` : 'all'}${root ? `-${root}` : ''}.csv`;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(reportCsv(rows));
      }
      return reply.send({ date: ctx.today(), unit: root ?? null, figures: figures(rows), units: byUnit(ctx.catalog, rows), rows });
    } catch (error) {
      return fail(reply, request, error);
    }
  });

  /** Figures without names for every edition that asks for acknowledgement: the clause matrix shows them. */
  app.get('/api/ack/summary', async (request, reply) => {
    try {
      await readerOf(ctx, request);
      const employees = await ctx.store.employees();
      const editions = [];
      for (const edition of ctx.catalog.editions.values()) {
        if (!openForAcknowledgement(edition, ctx.today())) continue;
        const rows = editionRows(ctx.catalog, edition, employees, await ctx.store.recordsOf(edition.code, edition.version), ctx.today());
        editions.push({ code: edition.code, version: edition.version, title: edition.title, deadline: acknowledgeBy(edition) ?? null, ...figures(rows) });
      }
      return reply.header('cache-control', 'private, no-store').send({ date: ctx.today(), editions });
    } catch (error) {
      return fail(reply, request, error);
    }
  });
}

/** The report's rows this reader may see: every unit for a report role, their own unit and the units under it for a unit head. */
async function reportOf(ctx: AckContext, request: FastifyRequest) {
  const { catalog, settings } = ctx;
  const who = await readerOf(ctx, request);
  const query = reportQuery.safeParse(request.query);
  if (!query.success) throw new Refusal(400, 'параметры отчёта: code, version, unit и format=json|csv');
  const { code, version, unit, format } = query.data;
  if (unit !== undefined && !catalog.units.has(unit)) throw new Refusal(404, `подразделение «${unit}» не найдено в реестре registries/units.json`);
  const all = who.roles.some((r) => settings.reportRoles.includes(r));
  const head = who.roles.some((r) => settings.unitReportRoles.includes(r)) ? who.employee?.unit : undefined;
  if (!all && !head)
    throw new Refusal(403, `отчёт об ознакомлении доступен ролям ${[...settings.reportRoles, ...settings.unitReportRoles].join(', ')}; у вас их нет`);
  if (!all && head && unit !== undefined && !within(catalog, unit, head))
    throw new Refusal(403, `руководителю доступен отчёт своего подразделения «${head}» и подчинённых, а не «${unit}»`);
  const root = unit ?? (all ? undefined : head);
  const editions = code || version ? [editionOf(ctx, code, version)] : [...catalog.editions.values()].filter((e) => openForAcknowledgement(e, ctx.today()));
  const employees = await ctx.store.employees();
  let rows: ReportRow[] = [];
  for (const edition of editions) rows.push(...editionRows(catalog, edition, employees, await ctx.store.recordsOf(edition.code, edition.version), ctx.today()));
  if (root) rows = rows.filter((r) => within(catalog, r.unit, root));
  return { code, version, format, root, rows };
}
