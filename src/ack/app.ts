import { BlockList, isIPv6 } from 'node:net';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatDate } from '../lib/dates.ts';
import { concerns, deadlineOf, editionKey, openForAcknowledgement, type Catalog, type KnownEdition } from './editions.ts';
import { acknowledgedOn, byUnit, editionRows, figures, localDay, reportCsv, within, type ReportRow } from './report.ts';
import type { Employee, Store } from './store.ts';
import { escapeXml } from '../lib/xml.ts';

export interface AckSettings {
  /** Addresses (or CIDR ranges) of the sign-on proxy: X-ND-User and X-ND-Roles are believed only from them. */
  trustedProxies: readonly string[];
  /** Roles that read every unit's report. */
  reportRoles: readonly string[];
  /** Roles that read the report of their own unit and the units under it. */
  unitReportRoles: readonly string[];
  /** The portal's address (nd.config.json → site): its host is a same-site origin too. */
  site: string;
  /** Largest accepted request body, bytes. */
  bodyLimit?: number;
  /** The clock; tests fix it. */
  now?: () => Date;
}

export const MAX_BODY = 4096;

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

/** Problems worded for the reader, with their HTTP status. */
class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const normalise = (address: string | undefined) => (address ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};
const escapeHtml = escapeXml;
/** A path on this site to go back to; anything else (another host, `//evil`) is ignored. */
const safePage = (page: string | undefined) => (page && /^\/(?![/\\])[^\s]*$/.test(page) ? page : undefined);
const isForm = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

interface Reader {
  login: string;
  roles: string[];
  employee?: Employee;
}

/**
 * The acknowledgement service: Fastify on 127.0.0.1 behind the portal's nginx (`/api/` → here). Identity
 * comes only from the sign-on proxy's headers, and only from its addresses; records are appended, never
 * changed (the database refuses UPDATE and DELETE too).
 */
export function buildApp(store: Store, catalog: Catalog, settings: AckSettings) {
  const now = settings.now ?? (() => new Date());
  const today = () => localDay(now());
  const app = Fastify({ bodyLimit: settings.bodyLimit ?? MAX_BODY, logger: false });
  app.register(formbody, { bodyLimit: settings.bodyLimit ?? MAX_BODY });
  // JSON or a form, nothing else: plain text would reach the handler as a string.
  app.removeContentTypeParser('text/plain');

  const siteHost = new URL(settings.site).host;
  const trusted = trustList(settings.trustedProxies);

  /** The reader from the proxy's headers; a header from anywhere else is refused, not ignored. */
  async function reader(request: FastifyRequest): Promise<Reader> {
    const address = normalise(request.socket.remoteAddress);
    if (!trusted.check(address, isIPv6(address) ? 'ipv6' : 'ipv4'))
      throw new Refusal(
        403,
        `запрос пришёл не через прокси единого входа (адрес ${address}); служба принимает вход только от ${settings.trustedProxies.join(', ')}`,
      );
    const login = header(request, 'x-nd-user');
    if (!login) throw new Refusal(401, 'нет заголовка X-ND-User: откройте портал через единый вход компании');
    const employee = await store.employee(login);
    const roles = new Set(
      (header(request, 'x-nd-roles') ?? '')
        .split(';')
        .map((r) => r.trim())
        .filter(Boolean),
    );
    for (const role of employee?.roles ?? []) roles.add(role);
    return { login, roles: [...roles], employee };
  }

  /** No acknowledgement from another site: browsers say where a request comes from. */
  function sameSite(request: FastifyRequest) {
    const fetchSite = header(request, 'sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none')
      throw new Refusal(403, `запрос с другого сайта (Sec-Fetch-Site: ${fetchSite}): подтвердить ознакомление можно только на странице портала`);
    const origin = header(request, 'origin');
    if (origin === undefined) return;
    // Host names, not ports: a proxy in front often passes `Host` without the port the browser used.
    const hostname = (value: string) => URL.parse(`http://${value}`)?.hostname ?? value;
    let host: string;
    try {
      host = new URL(origin).hostname;
    } catch {
      throw new Refusal(403, `запрос с неизвестного источника (Origin: ${origin}): подтвердить ознакомление можно только на странице портала`);
    }
    const allowed = [header(request, 'x-forwarded-host'), header(request, 'host'), siteHost].filter((h): h is string => Boolean(h)).map(hostname);
    if (!allowed.includes(host))
      throw new Refusal(403, `запрос с другого сайта (Origin: ${origin}): подтвердить ознакомление можно только на странице портала`);
  }

  function editionOf(code: string | undefined, version: string | undefined): KnownEdition {
    if (!code || !version) throw new Refusal(400, 'укажите код документа и редакцию: code=ПТ-035&version=1.0');
    const edition = catalog.editions.get(editionKey(code, version));
    if (!edition) throw new Refusal(404, `редакция ${code} ${version} не найдена среди опубликованных на портале`);
    return edition;
  }

  const fail = (reply: FastifyReply, request: FastifyRequest, error: unknown) => {
    if (!(error instanceof Refusal)) throw error;
    if (isForm(request)) {
      const back = safePage((request.body as { page?: string } | undefined)?.page);
      return reply
        .code(error.status)
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Ознакомление не принято</title><h1>Ознакомление не принято</h1><p>${escapeHtml(error.message)}</p>${back ? `<p><a href="${escapeHtml(back)}">Вернуться к документу</a></p>` : ''}</html>`,
        );
    }
    return reply.code(error.status).send({ error: error.message });
  };

  app.post('/api/ack', async (request, reply) => {
    try {
      sameSite(request);
      const who = await reader(request);
      const parsed = ackBody.safeParse(request.body ?? {});
      if (!parsed.success)
        throw new Refusal(
          400,
          `ожидается { "code": "ПТ-035", "version": "1.0" } (JSON или поля формы): ${parsed.error.issues.map((i) => `${i.path.join('.') || 'тело'} — ${i.message}`).join('; ')}`,
        );
      const { code, version, login, page } = parsed.data;
      if (login !== undefined && login !== who.login)
        throw new Refusal(403, `нельзя подтвердить ознакомление за другого сотрудника (${login}): вы вошли как ${who.login}`);
      const edition = editionOf(code, version);
      if (!openForAcknowledgement(edition, today()))
        throw new Refusal(
          409,
          `редакция ${code} ${version} не требует ознакомления: лист ознакомления есть только у действующей или вступающей в силу редакции, в которой указано, кого она касается`,
        );
      if (!who.employee) throw new Refusal(403, `сотрудника ${who.login} нет в списке сотрудников службы ознакомления: обратитесь в отдел качества`);
      if (!concerns(catalog, edition, who.employee.unit, who.roles))
        throw new Refusal(403, `редакция ${code} ${version} не касается вашего подразделения и ролей: ознакомление не требуется`);
      const { record, created } = await store.acknowledge({ login: who.login, code, version, digest: edition.digest, time: now().toISOString() });
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

  /** What the page shows this reader: whether the edition concerns them, and their record. */
  async function statusOf(request: FastifyRequest) {
    const query = editionQuery.parse(request.query);
    const edition = editionOf(query.code, query.version);
    const who = await reader(request);
    const open = openForAcknowledgement(edition, today());
    const concerned = open && who.employee !== undefined && concerns(catalog, edition, who.employee.unit, who.roles);
    const record = concerned ? await store.recordOf(who.login, edition.code, edition.version) : undefined;
    const reports = who.roles.some((r) => settings.reportRoles.includes(r) || settings.unitReportRoles.includes(r));
    return { edition, concerned, record, reports };
  }

  app.get('/api/ack/status', async (request, reply) => {
    try {
      const { edition, concerned, record } = await statusOf(request);
      return reply.header('cache-control', 'private, no-store').send({
        code: edition.code,
        version: edition.version,
        effective: edition.effective ?? null,
        deadline: deadlineOf(edition) ?? null,
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
      const { edition, concerned, record, reports } = await statusOf(request);
      const page = safePage((request.query as { page?: string }).page);
      return reply.send(widgetHtml(edition, concerned, record?.time, page) + (reports ? reportLinks(edition) : ''));
    } catch {
      // Whatever the reason (no sign-on, unknown edition), the page shows nothing rather than an error.
      return reply.send('');
    }
  });

  app.get('/api/ack/report', async (request, reply) => {
    try {
      const who = await reader(request);
      const query = z
        .object({ code: z.string().optional(), version: z.string().optional(), unit: z.string().optional(), format: z.enum(['json', 'csv']).default('json') })
        .safeParse(request.query);
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
      const editions = code || version ? [editionOf(code, version)] : [...catalog.editions.values()].filter((e) => openForAcknowledgement(e, today()));
      const employees = await store.employees();
      let rows: ReportRow[] = [];
      for (const edition of editions) rows.push(...editionRows(catalog, edition, employees, await store.recordsOf(edition.code, edition.version), today()));
      if (root) rows = rows.filter((r) => within(catalog, r.unit, root));
      reply.header('cache-control', 'private, no-store');
      if (format === 'csv') {
        const name = `ack-${code ? `${code}-${version}` : 'all'}${root ? `-${root}` : ''}.csv`;
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(reportCsv(rows));
      }
      return reply.send({ date: today(), unit: root ?? null, figures: figures(rows), units: byUnit(catalog, rows), rows });
    } catch (error) {
      return fail(reply, request, error);
    }
  });

  /** Figures without names for every edition that asks for acknowledgement: the clause matrix shows them. */
  app.get('/api/ack/summary', async (request, reply) => {
    try {
      await reader(request);
      const employees = await store.employees();
      const editions = [];
      for (const edition of catalog.editions.values()) {
        if (!openForAcknowledgement(edition, today())) continue;
        const rows = editionRows(catalog, edition, employees, await store.recordsOf(edition.code, edition.version), today());
        editions.push({ code: edition.code, version: edition.version, title: edition.title, deadline: deadlineOf(edition) ?? null, ...figures(rows) });
      }
      return reply.header('cache-control', 'private, no-store').send({ date: today(), editions });
    } catch (error) {
      return fail(reply, request, error);
    }
  });

  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `нет такого адреса: ${request.method} ${request.url.split('?')[0]}` }));
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    const message =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? `слишком большой запрос: не больше ${settings.bodyLimit ?? MAX_BODY} байт`
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? `тип тела «${request.headers['content-type']}» не принимается: application/json или application/x-www-form-urlencoded`
          : status === 400
            ? `тело запроса не разобрано: ${error.message}`
            : 'внутренняя ошибка службы ознакомления';
    if (status >= 500) request.log.error(error);
    return reply.code(status).send({ error: message });
  });
  return app;
}

/** For the quality department and managers: the edition's report (their own unit's, for a unit head). */
function reportLinks(edition: KnownEdition): string {
  const query = new URLSearchParams({ code: edition.code, version: edition.version });
  return `<p class="ack-report">Отчёт об ознакомлении: <a href="/api/ack/report?${escapeHtml(query.toString())}&amp;format=csv" download>CSV для Excel</a> · <a href="/api/ack/report?${escapeHtml(query.toString())}&amp;format=json">JSON</a></p>`;
}

/** serve.trustedProxies as nginx reads them: addresses and CIDR ranges, IPv4 and IPv6. */
function trustList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv6(address!) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

/** The block on the edition page: the button, the date of one's acknowledgement, or nothing at all. */
export function widgetHtml(edition: KnownEdition, concerned: boolean, acknowledgedAt: string | undefined, page: string | undefined): string {
  if (!concerned) return '';
  if (acknowledgedAt) return `<p class="ack-done" data-ack-state="acknowledged">${escapeHtml(acknowledgedOn(acknowledgedAt))}</p>`;
  const deadline = deadlineOf(edition);
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
