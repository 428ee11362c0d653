import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatDate } from '../lib/dates.ts';
import { concerns, openForAcknowledgement, type KnownEdition } from './editions.ts';
import { acknowledgedOn } from './report.ts';
import { checkSameSite, editionOf, escapeHtml, fail, isForm, readerOf, Refusal, safePage, type AckContext } from './request-context.ts';
import { acknowledgeBy } from '../model/acknowledge.ts';

/** The reader's side: acknowledge an edition, and what the edition page shows them (JSON, or HTML for nginx SSI). */

const ackBody = z
  .object({
    code: z.string().min(1).max(32),
    version: z.string().min(1).max(32),
    /** Only as a check: must be the reader's own login. */
    login: z.string().max(128).optional(),
    /** The page a form came from, to go back to it. */
    page: z.string().max(512).optional(),
  })
  .strict();

const editionQuery = z.object({ code: z.string().max(32).optional(), version: z.string().max(32).optional() });

export function acknowledgeRoutes(app: FastifyInstance, ctx: AckContext) {
  app.post('/api/ack', async (request, reply) => {
    try {
      checkSameSite(ctx, request);
      const { code, version, page, who, edition } = await acceptable(ctx, request);
      const { record, created } = await ctx.store.acknowledge({ login: who.login, code, version, digest: edition.digest, time: ctx.now().toISOString() });
      if (isForm(request))
        return reply
          .code(303)
          .header('location', `${safePage(page) ?? '/'}#acknowledge`)
          .send();
      return reply.code(created ? 201 : 200).send({ record, message: acknowledgedOn(record.time) });
    } catch (error) {
      return fail(reply, request, error);
    }
  });

  app.get('/api/ack/status', async (request, reply) => {
    try {
      const { edition, concerned, record } = await statusOf(ctx, request);
      return reply.header('cache-control', 'private, no-store').send({
        code: edition.code,
        version: edition.version,
        effective: edition.effective ?? null,
        deadline: acknowledgeBy(edition) ?? null,
        concerned,
        acknowledged: Boolean(record),
        record: record ?? null,
        message: record ? acknowledgedOn(record.time) : null,
      });
    } catch (error) {
      return fail(reply, request, error);
    }
  });

  /** The same as HTML, for nginx SSI (`<!--# include virtual=… -->`): the page works without JavaScript. */
  app.get('/api/ack/widget', async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store');
    try {
      const { edition, concerned, record, reports } = await statusOf(ctx, request);
      const page = safePage((request.query as { page?: string }).page);
      return reply.send(widgetHtml(edition, concerned, record?.time, page) + (reports ? reportLinks(edition) : ''));
    } catch {
      // Whatever the reason (no sign-on, unknown edition), the page shows nothing rather than an error.
      return reply.send('');
    }
  });
}

/** An acknowledgement this reader may give: a valid body, their own login, an open edition that concerns them. */
async function acceptable(ctx: AckContext, request: FastifyRequest) {
  const who = await readerOf(ctx, request);
  const parsed = ackBody.safeParse(request.body ?? {});
  if (!parsed.success)
    throw new Refusal(
      400,
      `ожидается { "code": "ПТ-035", "version": "1.0" } (JSON или поля формы): ${parsed.error.issues.map((i) => `${i.path.join('.') || 'тело'} — ${i.message}`).join('; ')}`,
    );
  const { code, version, login, page } = parsed.data;
  if (login !== undefined && login !== who.login)
    throw new Refusal(403, `нельзя подтвердить ознакомление за другого сотрудника (${login}): вы вошли как ${who.login}`);
  const edition = editionOf(ctx, code, version);
  if (!openForAcknowledgement(edition, ctx.today()))
    throw new Refusal(
      409,
      `редакция ${code} ${version} не требует ознакомления: лист ознакомления есть только у действующей или вступающей в силу редакции, в которой указано, кого она касается`,
    );
  if (!who.employee) throw new Refusal(403, `сотрудника ${who.login} нет в списке сотрудников службы ознакомления: обратитесь в отдел качества`);
  if (!concerns(ctx.catalog, edition, who.employee.unit, who.roles))
    throw new Refusal(403, `редакция ${code} ${version} не касается вашего подразделения и ролей: ознакомление не требуется`);
  return { code, version, page, who, edition };
}

/** What the page shows this reader: whether the edition concerns them, and their record. */
async function statusOf(ctx: AckContext, request: FastifyRequest) {
  const query = editionQuery.parse(request.query);
  const edition = editionOf(ctx, query.code, query.version);
  const who = await readerOf(ctx, request);
  const open = openForAcknowledgement(edition, ctx.today());
  const concerned = open && who.employee !== undefined && concerns(ctx.catalog, edition, who.employee.unit, who.roles);
  const record = concerned ? await ctx.store.recordOf(who.login, edition.code, edition.version) : undefined;
  const reports = who.roles.some((r) => ctx.settings.reportRoles.includes(r) || ctx.settings.unitReportRoles.includes(r));
  return { edition, concerned, record, reports };
}

/** For the quality department and managers: the edition's report (their own unit's, for a unit head). */
function reportLinks(edition: KnownEdition): string {
  const query = new URLSearchParams({ code: edition.code, version: edition.version });
  return `<p class="ack-report">Отчёт об ознакомлении: <a href="/api/ack/report?${escapeHtml(query.toString())}&amp;format=csv" download>CSV для Excel</a> · <a href="/api/ack/report?${escapeHtml(query.toString())}&amp;format=json">JSON</a></p>`;
}

/** The block on the edition page: the button, the date of one's acknowledgement, or nothing at all. */
export function widgetHtml(edition: KnownEdition, concerned: boolean, acknowledgedAt: string | undefined, page: string | undefined): string {
  if (!concerned) return '';
  if (acknowledgedAt) return `<p class="ack-done" data-ack-state="acknowledged">${escapeHtml(acknowledgedOn(acknowledgedAt))}</p>`;
  const deadline = acknowledgeBy(edition);
  const date = edition.effective ? ` от ${formatDate(edition.effective)}` : '';
  return [
    `<form class="ack-form" data-ack-state="pending" method="post" action="/api/ack">`,
    `<input type="hidden" name="code" value="${escapeHtml(edition.code)}">`,
    `<input type="hidden" name="version" value="${escapeHtml(edition.version)}">`,
    page ? `<input type="hidden" name="page" value="${escapeHtml(page)}">` : '',
    `<p>Редакция касается вас: подтвердите, что ознакомились с ${escapeHtml(edition.code)}, редакция ${escapeHtml(edition.version)}${date}${deadline ? `, срок — до ${formatDate(deadline)}` : '.'}</p>`,
    `<button type="submit">Ознакомлен(а)</button>`,
    `</form>`,
  ].join('');
}
