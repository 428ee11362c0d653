/**
 * `npm start` without nginx: the same sites, headers and audience rule through sirv (a maintained static
 * server: precompressed `.br`/`.gz`, ETag, and only the files it listed at start — an encoded `..` finds
 * nothing). One site (a plain `npm run build`) or the sites of `--audiences` with their `_nginx/` parts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BlockList, isIPv6 } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import type { SiteConfig } from '../lib/config.ts';
import { cacheControlFor, SECURITY_HEADERS } from './headers.ts';
import { listenOn } from './listen.ts';
import { NGINX_PARTS, type AccessRank, type Redirect, siteForLevel } from './nginx-parts.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

interface Site {
  serve: Handler;
  notFound: Buffer | undefined;
}

function openSite(dir: string): Site {
  const notFoundFile = path.join(dir, '404.html');
  const handler = sirv(dir, {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    dotfiles: false,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      res.setHeader('Cache-Control', cacheControlFor(pathname));
    },
  });
  return { serve: handler, notFound: existsSync(notFoundFile) ? readFileSync(notFoundFile) : undefined };
}

function sendNotFound(site: Site, res: ServerResponse) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-cache');
  if (!site.notFound) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Не найдено');
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': site.notFound.length }).end(site.notFound);
}

/**
 * `/api/` → the acknowledgement service on 127.0.0.1, as nginx's `location /api/` does: the sign-on
 * headers go on only as the trusted proxy set them, and never from anyone else.
 */
function proxyApi(req: IncomingMessage, res: ServerResponse, port: number, signOn: { audience?: unknown; user?: unknown; roles?: unknown }) {
  const headers: Record<string, string | string[] | undefined> = { ...req.headers };
  for (const name of ['x-nd-audience', 'x-nd-user', 'x-nd-roles']) delete headers[name];
  const pass = { 'x-nd-audience': signOn.audience, 'x-nd-user': signOn.user, 'x-nd-roles': signOn.roles };
  for (const [name, value] of Object.entries(pass)) if (typeof value === 'string' && value) headers[name] = value;
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    if (res.headersSent) return void res.end();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // No service listening (npm start without npm run ack): «nothing here», so the edition page's
    // /scripts/ack.js stays quiet. Any other failure of a running service is a 502.
    if (error.code === 'ECONNREFUSED') return void res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Служба ознакомления недоступна');
  });
  req.pipe(upstream);
}

export interface NodeServerOptions {
  /** A single site's folder, or the output of `--audiences` (sites and `_nginx/`). */
  root: string;
  port: number;
  host?: string;
  /** The acknowledgement service's port; `serve.ackPort` of the build otherwise. */
  ackPort?: number;
}

/** Starts the server; resolves once it listens. */
export function startNodeServer(options: NodeServerOptions): Promise<Server> {
  const partsDir = path.join(options.root, NGINX_PARTS);
  const multi = existsSync(path.join(partsDir, 'sites.json'));
  let handle: Handler;
  if (!multi) {
    const site = openSite(options.root);
    handle = (req, res) => site.serve(req, res, () => sendNotFound(site, res));
  } else {
    const meta = JSON.parse(readFileSync(path.join(partsDir, 'sites.json'), 'utf8')) as { sites: string[]; levels: AccessRank[]; serve: SiteConfig['serve'] };
    const redirects = (JSON.parse(readFileSync(path.join(partsDir, 'redirects.json'), 'utf8')) as Redirect[]).map((r) => ({
      ...r,
      test: r.pattern ? new RegExp(`^${r.pattern}`) : undefined,
    }));
    const sites = new Map(meta.sites.map((s) => [s, openSite(path.join(options.root, s))]));
    const forLevel = siteForLevel(meta.levels, meta.sites);
    const trusted = new BlockList();
    for (const entry of meta.serve.trustedProxies) {
      const [address, bits] = entry.split('/');
      const family = isIPv6(address!) ? 'ipv6' : 'ipv4';
      if (bits) trusted.addSubnet(address!, Number(bits), family);
      else trusted.addAddress(address!, family);
    }
    const missing = meta.serve.missingAudience === 'public' && sites.has('public') ? 'public' : undefined;
    const header = meta.serve.audienceHeader.toLowerCase();
    handle = (req, res) => {
      const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
      const fromProxy = peer !== '' && trusted.check(peer, isIPv6(peer) ? 'ipv6' : 'ipv4');
      const asked = fromProxy ? req.headers[header] : undefined;
      // Matched regardless of case, as nginx's map matches strings.
      const name = (typeof asked === 'string' ? forLevel.get(asked.toLowerCase()) : undefined) ?? missing;
      const site = name ? sites.get(name) : undefined;
      if (!site || !name) {
        for (const [key, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(key, value);
        res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Требуется вход через единый вход компании');
        return;
      }
      if (req.url?.startsWith('/api/')) {
        const signOn = fromProxy ? { audience: asked, user: req.headers['x-nd-user'], roles: req.headers['x-nd-roles'] } : {};
        proxyApi(req, res, options.ackPort ?? meta.serve.ackPort, signOn);
        return;
      }
      site.serve(req, res, () => {
        // As nginx: an old address with its query first (strings compared regardless of case), then paths and codes.
        let pathname = '';
        let query = '';
        try {
          const url = new URL(req.url ?? '/', 'http://localhost');
          query = url.search.slice(1).toLowerCase();
          pathname = decodeURIComponent(url.pathname);
        } catch {
          // an address that does not parse or decode matches no redirect
        }
        const moved =
          redirects.find((r) => r.site === name && r.query !== undefined && r.from === pathname && r.query.toLowerCase() === query) ??
          redirects.find((r) => r.site === name && r.query === undefined && (r.from === pathname || r.test?.test(pathname)));
        if (moved) {
          for (const [k, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, value);
          res.writeHead(301, { Location: moved.to }).end();
          return;
        }
        sendNotFound(site, res);
      });
    };
  }
  // A single site (no sign-on parts) has no acknowledgement service behind it: /api/ answers «nothing
  // here» (204) rather than 404, so the page's /scripts/ack.js stays quiet and logs no error.
  const withoutApi: Handler = (req, res) => {
    if (!multi && (req.url ?? '').startsWith('/api/')) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    handle(req, res);
  };
  const server = createServer(withoutApi);
  return listenOn(server, options.port, options.host ?? '127.0.0.1');
}
