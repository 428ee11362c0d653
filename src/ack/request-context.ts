import { BlockList, isIPv6 } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localDay } from './report.ts';
import { editionKey, type Catalog, type KnownEdition } from './editions.ts';
import type { Employee, Store } from './store.ts';
import { escapeXml } from '../lib/xml.ts';

/** What every route of the acknowledgement service shares: who is asking, from where, about which edition, and how a refusal is answered. */

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

/** The service's store, catalogue and settings, with the clock and the trusted proxies resolved once. */
export interface AckContext {
  store: Store;
  catalog: Catalog;
  settings: AckSettings;
  now: () => Date;
  /** Today in the company's time zone. */
  today: () => string;
  siteHost: string;
  trusted: BlockList;
}

export function ackContext(store: Store, catalog: Catalog, settings: AckSettings): AckContext {
  const now = settings.now ?? (() => new Date());
  return { store, catalog, settings, now, today: () => localDay(now()), siteHost: new URL(settings.site).host, trusted: trustList(settings.trustedProxies) };
}

/** Problems worded for the reader, with their HTTP status. */
export class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface Reader {
  login: string;
  roles: string[];
  employee?: Employee;
}

const normalise = (address: string | undefined) => (address ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};
export const escapeHtml = escapeXml;
/** A path on this site to go back to; anything else (another host, `//evil`) is ignored. */
export const safePage = (page: string | undefined) => (page && /^\/(?![/\\])[^\s]*$/.test(page) ? page : undefined);
export const isForm = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

/** The reader from the proxy's headers; a header from anywhere else is refused, not ignored. */
export async function readerOf(ctx: AckContext, request: FastifyRequest): Promise<Reader> {
  const address = normalise(request.socket.remoteAddress);
  if (!ctx.trusted.check(address, isIPv6(address) ? 'ipv6' : 'ipv4'))
    throw new Refusal(
      403,
      `запрос пришёл не через прокси единого входа (адрес ${address}); служба принимает вход только от ${ctx.settings.trustedProxies.join(', ')}`,
    );
  const login = header(request, 'x-nd-user');
  if (!login) throw new Refusal(401, 'нет заголовка X-ND-User: откройте портал через единый вход компании');
  const employee = await ctx.store.employee(login);
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
export function checkSameSite(ctx: AckContext, request: FastifyRequest) {
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
  const allowed = [header(request, 'x-forwarded-host'), header(request, 'host'), ctx.siteHost].filter((h): h is string => Boolean(h)).map(hostname);
  if (!allowed.includes(host)) throw new Refusal(403, `запрос с другого сайта (Origin: ${origin}): подтвердить ознакомление можно только на странице портала`);
}

/** A published edition by code and version, or a refusal that says which is missing. */
export function editionOf(ctx: AckContext, code: string | undefined, version: string | undefined): KnownEdition {
  if (!code || !version) throw new Refusal(400, 'укажите код документа и редакцию: code=ПТ-035&version=1.0');
  const edition = ctx.catalog.editions.get(editionKey(code, version));
  if (!edition) throw new Refusal(404, `редакция ${code} ${version} не найдена среди опубликованных на портале`);
  return edition;
}

/** A refusal as the request expects it: a page with a way back for a form, JSON otherwise. Anything else is rethrown. */
export function fail(reply: FastifyReply, request: FastifyRequest, error: unknown) {
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
