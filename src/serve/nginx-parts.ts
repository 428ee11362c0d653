/**
 * The parts of the nginx configuration that the build writes beside the sites (`<out>/_nginx/`), included
 * by the shipped `deploy/nginx/nd.conf`:
 * - `audience.conf` — which site a request reads: the audience header, trusted only from the sign-on
 *   proxy's addresses (`serve` in nd.config.json); and the sign-on headers passed on to `/api/`;
 * - `redirects.conf` — ONE map from an address to the page it now lives at: `/nd/<КОД>` in any spelling
 *   and the legacy addresses of `content/registries/legacy-urls.json` (`site.legacy` of each published view),
 *   per site, for what that site publishes;
 * - `headers.conf` — the security headers and the caching rule (src/serve/headers.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codeSlug, parseCode, CODE_SEPARATORS } from '../lib/codes.ts';
import type { SiteConfig } from '../lib/config.ts';
import { routes } from '../lib/routes.ts';
import { legacyAddress } from '../schemas/legacy-urls.ts';
import type { DocumentData, SiteData } from '../publish/view-data.ts';
import { legacyTarget } from '../site/pages.ts';
import { IMMUTABLE, IMMUTABLE_PATH, REVALIDATE, SECURITY_HEADERS } from './headers.ts';

/** The folder of the generated parts inside the build's output (beside `public/`, `internal/`…). */
export const NGINX_PARTS = '_nginx';

export interface BuiltSite {
  audience: string;
  documents: DocumentData[];
  /** The old addresses this site may redirect: of its published documents only (src/publish/publish.ts). */
  legacy: SiteData['legacy'];
}

export interface AccessRank {
  id: string;
  rank: number;
}

const HEADER = '# Создано `npm run build`; не правьте: следующая сборка перепишет.\n';

/** A string in nginx's configuration syntax: always quoted, quotes and backslashes escaped. */
export const nginxString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&')}"`;

/** `X-ND-Audience` → `$http_x_nd_audience`. */
export const headerVariable = (name: string) => `$http_${name.toLowerCase().replace(/-/g, '_')}`;

/**
 * Which site a reader of each access level gets: the highest built site at or below their level
 * (a reader cleared for «Коммерческая тайна» reads the confidential site when no higher one is built).
 */
export function siteForLevel(levels: AccessRank[], built: string[]): Map<string, string> {
  const rank = new Map(levels.map((l) => [l.id, l.rank]));
  const out = new Map<string, string>();
  for (const level of levels) {
    const site = built.filter((b) => (rank.get(b) ?? Infinity) <= level.rank).sort((a, b) => rank.get(b)! - rank.get(a)!)[0];
    if (site) out.set(level.id, site);
  }
  return out;
}

/**
 * `audience.conf`: `$nd_site` is the folder a request is served from, empty for «401». The header counts
 * only when the connection comes from a trusted proxy (`$realip_remote_addr`: the peer itself even behind
 * the realip module); without it, with an unknown level, or from anyone else: `serve.missingAudience`.
 */
export function audienceConf(serve: SiteConfig['serve'], levels: AccessRank[], built: string[]): string {
  const header = headerVariable(serve.audienceHeader);
  const sites = siteForLevel(levels, built);
  const missing = serve.missingAudience === 'public' && built.includes('public') ? 'public' : '';
  const lines = [
    HEADER,
    `# Прокси единого входа (serve.trustedProxies): только их заголовки ${serve.audienceHeader}, X-ND-User, X-ND-Roles принимаются.`,
    'geo $realip_remote_addr $nd_trusted {',
    '    default 0;',
    ...serve.trustedProxies.map((a) => `    ${a} 1;`),
    '}',
    '',
    `# Сайт читателя по заголовку ${serve.audienceHeader}; без заголовка, с неизвестным уровнем или не от прокси — ${missing || '401'}.`,
    `map "$nd_trusted:${header}" $nd_site {`,
    `    default ${nginxString(missing)};`,
    ...[...sites].map(([level, site]) => `    ${nginxString(`1:${level}`)} ${site};`),
    '}',
    '',
    '# Служба ознакомления (/api/) получает учётную запись только от прокси единого входа.',
    ...(
      [
        ['$nd_audience', header],
        ['$nd_user', '$http_x_nd_user'],
        ['$nd_roles', '$http_x_nd_roles'],
      ] as const
    ).flatMap(([name, source]) => [`map $nd_trusted ${name} {`, '    default "";', `    1 ${source};`, '}']),
    '',
  ];
  return lines.join('\n');
}

/** `(?:п|П)(?:т|Т)`: one letter in either case, as byte alternatives (nginx's PCRE runs without UTF mode). */
const anyCase = (text: string) =>
  [...text].map((ch) => (ch.toLowerCase() === ch.toUpperCase() ? escapeRegex(ch) : `(?:${ch.toLowerCase()}|${ch.toUpperCase()})`)).join('');
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The separators people type between prefix and number (src/lib/codes.ts), plus `_`, as alternatives. */
const SEPARATORS = `(?:${[...JSON.parse(`"${CODE_SEPARATORS.replace(/\\-/g, '-')}"`), '_'].map(escapeRegex).join('|')})?`;

/** `/nd/` as people type it, `/ND/` too. */
const ND = `\\/${anyCase('nd')}\\/`;

/** A regular expression (nginx syntax) for `/nd/<code>` in any spelling: ПТ-035, пт035, PT-035, pt 035, /ND/ПТ-035… */
export function codeAddressPattern(code: string): string {
  const parsed = parseCode(code);
  if (!parsed) return `${ND}${escapeRegex(code)}\\/?$`;
  const latin = codeSlug(parsed.prefix);
  const prefix = latin && latin !== parsed.prefix ? `(?:${anyCase(parsed.prefix)}|${anyCase(latin)})` : anyCase(parsed.prefix);
  return `${ND}${prefix}${SEPARATORS}${parsed.number}\\/?$`;
}

export interface Redirect {
  site: string;
  /** An exact decoded path (a legacy address) … */
  from?: string;
  /** … with the query it was asked with, as sent (`ID=35`), when the old address had one … */
  query?: string;
  /** … or a regular expression over it (a code in any spelling), valid in PCRE and JavaScript alike. */
  pattern?: string;
  to: string;
}

/** Every redirect of every site: legacy addresses the site may show, then `/nd/<КОД>` of each published document. */
export function redirectsOf(sites: BuiltSite[]): Redirect[] {
  const out: Redirect[] = [];
  const seen = new Set<string>();
  for (const site of sites) {
    const published = new Map(site.documents.map((d) => [d.code, d]));
    for (const entry of site.legacy) {
      const doc = published.get(entry.code);
      const from = entry.path;
      const key = `${site.audience}:${redirectKey({ from, query: entry.query })}`;
      if (!doc || seen.has(key)) continue;
      seen.add(key);
      out.push({ site: site.audience, from, ...(entry.query ? { query: entry.query } : {}), to: legacyTarget(entry, doc) });
    }
    for (const doc of site.documents) out.push({ site: site.audience, pattern: codeAddressPattern(doc.code), to: routes.document(doc.code) });
  }
  return out;
}

/** What a legacy redirect matches (src/schemas/legacy-urls.ts), the key the duplicate check compares too. */
const redirectKey = (r: Pick<Redirect, 'from' | 'query'>) => legacyAddress(r.from ?? '', r.query);

/**
 * `redirects.conf`: `$nd_redirect` for `$nd_site:$uri` (a path, or `/nd/<КОД>` in any spelling), and
 * `$nd_redirect_query` for `$nd_site:$uri?$args`, the old addresses that named a document by their query
 * (`view.aspx?ID=35`); nginx asks the second first. Both only when no file answers (the 404 path), so the
 * regular expressions cost nothing on the pages served.
 */
export function redirectsConf(redirects: Redirect[]): string {
  const line = (r: Redirect) =>
    r.from !== undefined
      ? `    ${nginxString(`${r.site}:${redirectKey(r)}`)} ${nginxString(r.to)};`
      : `    ${nginxString(`~^${escapeRegex(r.site)}:${r.pattern}`)} ${nginxString(r.to)};`;
  const map = (key: string, name: string, list: Redirect[]) => [`map "${key}" ${name} {`, '    default "";', ...list.map(line), '}'];
  return [
    HEADER,
    ...map(
      '$nd_site:$uri',
      '$nd_redirect',
      redirects.filter((r) => !r.query),
    ),
    '',
    ...map(
      '$nd_site:$uri?$args',
      '$nd_redirect_query',
      redirects.filter((r) => r.query),
    ),
    '',
  ].join('\n');
}

/**
 * `hash.conf`, included before any map: legacy addresses are long, and the map's hash buckets must hold
 * the longest key (nginx's default is 64 bytes). nginx fixes these sizes at the first `map` it reads.
 */
export function hashConf(redirects: Redirect[]): string {
  const longest = Math.max(0, ...redirects.filter((r) => r.from !== undefined).map((r) => Buffer.byteLength(`${r.site}:${redirectKey(r)}`) + 32));
  let bucket = 64;
  while (bucket < longest) bucket *= 2;
  return [
    HEADER,
    '# Если эти размеры уже заданы в nginx.conf, оставьте там большие из двух и уберите include этого файла.',
    `map_hash_bucket_size ${bucket};`,
    `map_hash_max_size ${Math.max(2048, 2 ** Math.ceil(Math.log2(redirects.length * 2 + 1)))};`,
    '',
  ].join('\n');
}

/** `headers.conf`: server-level headers, sent with every answer (`always`: the 404 page and redirects too). */
export function headersConf(): string {
  return [
    HEADER,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `add_header ${name} ${nginxString(value)} always;`),
    'add_header Cache-Control $nd_cache_control always;',
    '',
  ].join('\n');
}

/** `cache.conf` (http context): the caching rule of src/serve/headers.ts as a map on the path. */
export function cacheConf(): string {
  return [
    HEADER,
    'map $uri $nd_cache_control {',
    `    default ${nginxString(REVALIDATE)};`,
    `    ${nginxString(`~${IMMUTABLE_PATH.source}`)} ${nginxString(IMMUTABLE)};`,
    '}',
    '',
  ].join('\n');
}

export interface NginxPartsInput {
  serve: SiteConfig['serve'];
  levels: AccessRank[];
  sites: BuiltSite[];
}

/** Writes every generated part into `<dir>/_nginx/`. */
export async function writeNginxParts(dir: string, input: NginxPartsInput): Promise<void> {
  const parts = path.join(dir, NGINX_PARTS);
  await mkdir(parts, { recursive: true });
  const built = input.sites.map((s) => s.audience);
  await writeFile(path.join(parts, 'audience.conf'), audienceConf(input.serve, input.levels, built));
  const redirects = redirectsOf(input.sites);
  await writeFile(path.join(parts, 'hash.conf'), hashConf(redirects));
  await writeFile(path.join(parts, 'redirects.conf'), redirectsConf(redirects));
  // The same redirects for the Node fallback of `npm start` (src/serve/node-server.ts).
  await writeFile(path.join(parts, 'redirects.json'), `${JSON.stringify(redirects)}\n`);
  await writeFile(path.join(parts, 'headers.conf'), headersConf());
  await writeFile(path.join(parts, 'cache.conf'), cacheConf());
  await writeFile(path.join(parts, 'sites.json'), `${JSON.stringify({ sites: built, levels: input.levels, serve: input.serve }, null, 2)}\n`);
}
