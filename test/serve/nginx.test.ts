/**
 * The sites served as the intranet will (issue 19): the real content plus an internal ПР-903 and a
 * confidential ПР-902, built once with `--audiences public,internal,confidential`, served by Debian's
 * nginx with the shipped deploy/nginx/nd.conf on loopback. nginx listens on 127.0.0.1 and 127.0.0.2 and
 * trusts the audience header from 127.0.0.1 only: a request from 127.0.0.2 is the untrusted address.
 */
import { readFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { audienceConf, NGINX_PARTS } from '../../src/serve/nginx-parts.ts';
import { startNginx, type RunningNginx } from '../../src/serve/nginx.ts';
import { startNodeServer } from '../../src/serve/node-server.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/serve/headers.ts';
import { PAGE_TYPES } from '../browser/built-site.ts';
import { launchChromium, SearchPage } from '../browser/search-page.ts';
import { buildSite } from '../helpers/build-site.ts';
import { distTexts, filesContaining } from '../helpers/dist-scan.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';
import { sampleEdition } from '../helpers/sample-edition.ts';

const DATE = '2026-12-02';

/** A small document of the given access level (the passport of the publication fixture). */
const restrictedDocument = (code: string, access: string, title: string) =>
  sampleEdition(
    {
      code,
      title,
      access,
      sample: `Документ-образец уровня ${access} для проверки публикации на сервере.`,
      goal: 'Проверить, что документ видят только допущенные',
    },
    `## Общие положения\n\nТекст документа ${code} для читателей уровня ${access}.`,
  );

const LEGACY = {
  $schema: '../../schemas/legacy-urls.schema.json',
  redirects: [
    { from: 'https://intranet.example.ru/НД/Политики/ПТ-035 Политика качества.docx', code: 'ПТ-035', file: 'ПТ-035 Политика качества.docx' },
    { from: '/old/nd/pt-035-v1.pdf', code: 'ПТ-035', version: '1.0' },
    { from: '/old/nd/pr-902.doc', code: 'ПР-902' },
    // Old portals name documents by their query: one path, a document per ID.
    { from: 'https://intranet.example.ru/docs/view.aspx?ID=35', code: 'ПТ-035' },
    { from: '/docs/view.aspx?ID=902&mode=read', code: 'ПР-902' },
  ],
};

let work: string;
let dist: string;
let port: number;
let port401: number;
let nginx: RunningNginx;
let nginx401: RunningNginx;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: found } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return found;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET without redirects or decompression; `from` is the address the request leaves from. */
function get(
  urlPath: string,
  options: { audience?: string; from?: string; to?: string; port?: number; encoding?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const host = options.to ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port: options.port ?? port,
        path: urlPath,
        localAddress: options.from ?? host,
        headers: {
          ...(options.audience ? { 'X-ND-Audience': options.audience } : {}),
          ...(options.encoding ? { 'Accept-Encoding': options.encoding } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The headers of an answer without those that name the moment. */
const stable = (a: Answer) => Object.fromEntries(Object.entries(a.headers).filter(([name]) => name !== 'date'));

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'nd-serve-'));
  const root = await contentRoot({
    'documents/pr-902/editions/1.0.mdx': restrictedDocument('ПР-902', 'confidential', 'Порядок qxzconfidential'),
    'documents/pr-903/editions/1.0.mdx': restrictedDocument('ПР-903', 'internal', 'Порядок qxzinternal'),
    'registries/legacy-urls.json': JSON.stringify(LEGACY, null, 2),
  });
  const config = JSON.parse(await readFile(path.join(projectRoot, 'nd.config.json'), 'utf8')) as Record<string, unknown>;
  const configFile = path.join(work, 'nd.config.json');
  await writeFile(configFile, JSON.stringify({ ...config, $schema: undefined, serve: { trustedProxies: ['127.0.0.1'], missingAudience: 'public' } }));
  const built = await buildSite({
    root,
    date: DATE,
    outDir: path.join(work, 'dist'),
    env: { ND_CONFIG: configFile },
    args: ['--audiences', 'public,internal,confidential'],
  });
  if (built.code !== 0) throw new Error(`сборка не удалась:\n${built.stdout}\n${built.stderr}`);
  dist = built.outDir;
  await rm(root, { recursive: true, force: true });
  [port, port401] = [await freePort(), await freePort()];
  nginx = await startNginx(path.join(work, 'nginx'), { dist, listen: ['127.0.0.1', '127.0.0.2'], port });
  // The same sites with `missingAudience: "401"`: only the generated audience part differs.
  const parts = path.join(work, 'parts-401');
  await cp(path.join(dist, NGINX_PARTS), parts, { recursive: true });
  const meta = JSON.parse(await readFile(path.join(parts, 'sites.json'), 'utf8')) as {
    sites: string[];
    levels: Array<{ id: string; rank: number }>;
    serve: Parameters<typeof audienceConf>[0];
  };
  await writeFile(path.join(parts, 'audience.conf'), audienceConf({ ...meta.serve, missingAudience: '401' }, meta.levels, meta.sites));
  nginx401 = await startNginx(path.join(work, 'nginx-401'), { dist, parts, listen: ['127.0.0.1', '127.0.0.2'], port: port401 });
}, 600_000);

afterAll(async () => {
  await nginx?.stop();
  await nginx401?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('one pass, a site per audience', () => {
  it('writes dist/<audience>/ for each, and the nginx parts beside them', async () => {
    const exists = async (rel: string) =>
      readFile(path.join(dist, rel)).then(
        () => true,
        () => false,
      );
    expect(await exists('public/nd/pt-035/index.html')).toBe(true);
    expect(await exists('public/nd/pr-903/index.html')).toBe(false);
    expect(await exists('internal/nd/pr-903/index.html')).toBe(true);
    expect(await exists('internal/nd/pr-902/index.html')).toBe(false);
    expect(await exists('confidential/nd/pr-902/index.html')).toBe(true);
    expect(await exists('_nginx/redirects.conf')).toBe(true);
    // No HTML redirect pages without --html-redirects: the map does it.
    expect(await exists('public/nd/ПТ-035/index.html')).toBe(false);
  });
});

describe('a leak scan over the three sites of one pass', () => {
  it('finds nothing above each site, compressed copies and the search index included', async () => {
    const markers: Record<string, string[]> = {
      public: ['qxzinternal', 'qxzconfidential', 'ПР-903', 'ПР-902'],
      internal: ['qxzconfidential', 'ПР-902'],
      confidential: [],
    };
    for (const [site, above] of Object.entries(markers)) {
      const texts = await distTexts(path.join(dist, site));
      expect(texts.size, site).toBeGreaterThan(60);
      for (const marker of above) expect(filesContaining(texts, marker), `${site}: ${marker}`).toEqual([]);
    }
    // The control: the confidential site holds every marker, in pages, compressed copies and the index.
    const confidential = await distTexts(path.join(dist, 'confidential'));
    for (const marker of ['qxzinternal', 'qxzconfidential']) {
      const found = filesContaining(confidential, marker);
      expect(
        found.some((f) => f.endsWith('.html.br')),
        marker,
      ).toBe(true);
      expect(
        found.some((f) => f.startsWith('pagefind/')),
        marker,
      ).toBe(true);
    }
  });
});

describe('the audience header', () => {
  it('reaches the site of each audience from the trusted proxy', async () => {
    expect((await get('/nd/pr-903/', { audience: 'internal' })).status).toBe(200);
    expect((await get('/nd/pr-902/', { audience: 'confidential' })).status).toBe(200);
    expect((await get('/nd/pr-903/', { audience: 'confidential' })).status).toBe(200);
    expect((await get('/nd/pt-035/', { audience: 'public' })).status).toBe(200);
    expect((await get('/nd/pr-903/', { audience: 'public' })).status).toBe(404);
    // A level above every built site reads the highest one it may.
    expect((await get('/nd/pr-902/', { audience: 'trade-secret' })).status).toBe(200);
  });

  it('without a header, with an unknown one, or from an untrusted address: the public site (missingAudience: public)', async () => {
    for (const answer of [
      await get('/nd/pr-903/'),
      await get('/nd/pr-903/', { audience: 'everything' }),
      await get('/nd/pr-903/', { audience: 'internal', from: '127.0.0.2', to: '127.0.0.2' }),
      await get('/nd/pr-902/', { audience: 'confidential', from: '127.0.0.2', to: '127.0.0.2' }),
    ])
      expect(answer.status).toBe(404);
    expect((await get('/nd/pt-035/', { from: '127.0.0.2', to: '127.0.0.2' })).status).toBe(200);
    // Levels are matched regardless of case, as nginx's map does (the Node server too).
    expect((await get('/nd/pr-903/', { audience: 'Internal' })).status).toBe(200);
    // The trusted address through the same listener still counts.
    expect((await get('/nd/pr-903/', { audience: 'internal', to: '127.0.0.2', from: '127.0.0.1' })).status).toBe(200);
  });

  it('…or 401 (missingAudience: "401"); the trusted header still reads its site', async () => {
    const p = port401;
    expect((await get('/nd/pt-035/', { port: p })).status).toBe(401);
    expect((await get('/nd/pt-035/', { port: p, audience: 'everything' })).status).toBe(401);
    expect((await get('/nd/pt-035/', { port: p, audience: 'internal', from: '127.0.0.2', to: '127.0.0.2' })).status).toBe(401);
    expect((await get('/nd/pr-903/', { port: p, audience: 'internal' })).status).toBe(200);
    expect((await get('/nd/pt-035/', { port: p, audience: 'public' })).status).toBe(200);
  });

  it('a confidential page asked for with the internal header is the plain 404, byte for byte', async () => {
    for (const encoding of [undefined, 'gzip', 'br, gzip']) {
      const hidden = await get('/nd/pr-902/', { audience: 'internal', encoding });
      const missing = await get('/nd/pr-999/', { audience: 'internal', encoding });
      expect(hidden.status).toBe(404);
      expect(hidden.body.equals(missing.body)).toBe(true);
      expect(stable(hidden)).toEqual(stable(missing));
      // So is its old address in the legacy registry: no redirect tells it exists.
      const legacy = await get(encodeURI('/old/nd/pr-902.doc'), { audience: 'internal', encoding });
      expect(legacy.status).toBe(404);
      expect(legacy.body.equals(missing.body)).toBe(true);
    }
    const page = (await get('/nd/pr-999/', { audience: 'internal' })).body.toString('utf8');
    expect(page).toContain('<title>');
    expect(page).not.toContain('ПР-902');
  });

  it('passes the sign-on headers to /api/ only as the trusted proxy set them', async () => {
    const ackSeen: Array<Record<string, string | string[] | undefined>> = [];
    const ack = (await import('node:http')).createServer((req, res) => {
      ackSeen.push(req.headers);
      res.end('{}');
    });
    // The acknowledgement service's port is a setting; this nginx proxies to the default 4322 only if free.
    await new Promise<void>((resolve, reject) => ack.listen(0, '127.0.0.1', resolve).on('error', reject));
    const ackPort = (ack.address() as AddressInfo).port;
    const apiPort = await freePort();
    const proxy = await startNginx(path.join(work, 'nginx-api'), { dist, listen: ['127.0.0.1', '127.0.0.2'], port: apiPort, ackPort });
    // The Node server of npm start does the same.
    const node = await startNodeServer({ root: dist, port: 0, host: '127.0.0.2', ackPort });
    try {
      const headers = { 'X-ND-User': 'ivanov', 'X-ND-Roles': 'auditor;employee' };
      for (const [p, to] of [
        [apiPort, '127.0.0.1'],
        [(node.address() as AddressInfo).port, '127.0.0.2'],
      ] as const) {
        ackSeen.length = 0;
        await get('/api/acknowledgements', { port: p, to, from: '127.0.0.1', audience: 'internal', headers });
        await get('/api/acknowledgements', { port: p, audience: 'internal', headers, from: '127.0.0.2', to: '127.0.0.2' });
        expect(ackSeen).toHaveLength(2);
        expect(ackSeen[0]).toMatchObject({ 'x-nd-user': 'ivanov', 'x-nd-roles': 'auditor;employee', 'x-nd-audience': 'internal' });
        expect(ackSeen[1]!['x-nd-user']).toBeUndefined();
        expect(ackSeen[1]!['x-nd-roles']).toBeUndefined();
        expect(ackSeen[1]!['x-nd-audience']).toBeUndefined();
      }
    } finally {
      await proxy.stop();
      node.close();
      ack.close();
    }
  });
});

describe('headers', () => {
  const expectSecurityHeaders = (answer: Answer, what: string) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name.toLowerCase()], `${what}: ${name}`).toBe(value);
  };

  it('every page type carries the CSP and the other headers, and revalidates', async () => {
    for (const [type, pagePath] of Object.entries(PAGE_TYPES)) {
      const answer = await get(encodeURI(pagePath), { audience: 'confidential', encoding: 'br, gzip' });
      expect(answer.status, `${type} ${pagePath}`).toBe(200);
      expectSecurityHeaders(answer, type);
      expect(answer.headers['cache-control'], type).toBe('no-cache');
      expect(answer.headers['content-type'], type).toBe('text/html; charset=utf-8');
    }
    expectSecurityHeaders(await get('/nd/pr-999/'), '404');
    expectSecurityHeaders(await get('/nd/ПТ-035'.replace('ПТ', encodeURIComponent('ПТ'))), 'redirect');
    expectSecurityHeaders(await get('/', { port: port401 }), '401');
  });

  it('the policy allows no inline script or style: only wasm-unsafe-eval, for Pagefind', () => {
    const directive = (name: string) =>
      CONTENT_SECURITY_POLICY.split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive('style-src')).toBe("style-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('no page of any site has an inline script, an inline style or a style attribute', async () => {
    const { readdir } = await import('node:fs/promises');
    const pages = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(60);
    for (const rel of pages) {
      const html = await readFile(path.join(dist, rel), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
        ([, attrs, body]) => !/\bsrc=/.test(attrs!) && !/type="text\/pagefind-template"/.test(attrs!) && body!.trim(),
      );
      expect(
        scripts.map((s) => s[0].slice(0, 80)),
        rel,
      ).toEqual([]);
      expect(html, rel).not.toMatch(/<style\b/);
      expect(html, rel).not.toMatch(/\sstyle=/);
    }
  });

  it('hashed assets and Pagefind chunks are immutable; Pagefind entry files revalidate', async () => {
    const { readdir } = await import('node:fs/promises');
    const asset = (await readdir(path.join(dist, 'internal/_astro'))).find((f) => f.endsWith('.js'))!;
    const fragment = (await readdir(path.join(dist, 'internal/pagefind/fragment')))[0]!;
    const immutable = 'public, max-age=31536000, immutable';
    expect((await get(`/_astro/${asset}`, { audience: 'internal' })).headers['cache-control']).toBe(immutable);
    expect((await get(`/pagefind/fragment/${fragment}`, { audience: 'internal' })).headers['cache-control']).toBe(immutable);
    expect((await get('/pagefind/pagefind.js', { audience: 'internal' })).headers['cache-control']).toBe('no-cache');
    expect((await get('/pagefind/pagefind-entry.json', { audience: 'internal' })).headers['cache-control']).toBe('no-cache');
  });
});

describe('compression', () => {
  it('serves the files compressed at build time with the right Content-Encoding', async () => {
    const original = await readFile(path.join(dist, 'public/nd/pt-035/index.html'));
    const br = await get('/nd/pt-035/', { encoding: 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.equals(await readFile(path.join(dist, 'public/nd/pt-035/index.html.br')))).toBe(true);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    const gz = await get('/nd/pt-035/', { encoding: 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    expect(gz.headers.vary).toBe('Accept-Encoding');
    const plain = await get('/nd/pt-035/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    const css = await get(`/_astro/${(await (await import('node:fs/promises')).readdir(path.join(dist, 'public/_astro'))).find((f) => f.endsWith('.css'))}`, {
      encoding: 'br',
    });
    expect(css.headers['content-encoding']).toBe('br');
  });
});

describe('redirects from one map', () => {
  it('/nd/<КОД> in any spelling goes to the document', async () => {
    for (const spelling of ['ПТ-035', 'пт035', 'Пт-035/', 'PT-035', 'pt-035'.toUpperCase(), 'pt035', 'пт 035', 'ПТ_035']) {
      const answer = await get(`/nd/${encodeURIComponent(spelling.replace(/\/$/, ''))}${spelling.endsWith('/') ? '/' : ''}`);
      expect(answer.status, spelling).toBe(301);
      expect(answer.headers.location, spelling).toBe('/nd/pt-035/');
    }
    expect((await get('/nd/pt-035')).headers.location).toBe('/nd/pt-035/');
    // The prefix typed in capitals too: an old intranet link written «/ND/PT-035».
    expect((await get('/ND/PT-035')).headers.location).toBe('/nd/pt-035/');
    // A code of a page the reader may not read is a plain 404.
    expect((await get(`/nd/${encodeURIComponent('ПР-902')}`, { audience: 'internal' })).status).toBe(404);
    expect((await get(`/nd/${encodeURIComponent('пр902')}`, { audience: 'confidential' })).headers.location).toBe('/nd/pr-902/');
  });

  it('legacy addresses go to the document, or to the edition they named', async () => {
    const docx = await get(encodeURI('/НД/Политики/ПТ-035 Политика качества.docx'));
    expect([docx.status, docx.headers.location]).toEqual([301, '/nd/pt-035/']);
    const pdf = await get('/old/nd/pt-035-v1.pdf');
    expect([pdf.status, pdf.headers.location]).toEqual([301, '/nd/pt-035/1.0/']);
    const hidden = await get('/old/nd/pr-902.doc', { audience: 'confidential' });
    expect([hidden.status, hidden.headers.location]).toEqual([301, '/nd/pr-902/']);
  });

  it('legacy addresses that name the document by their query: each query its document, another query or none a 404', async () => {
    for (const [address, options, expected] of [
      ['/docs/view.aspx?ID=35', {}, [301, '/nd/pt-035/']],
      ['/docs/view.aspx?id=35', {}, [301, '/nd/pt-035/']],
      ['/docs/view.aspx?ID=902&mode=read', { audience: 'confidential' }, [301, '/nd/pr-902/']],
      ['/docs/view.aspx?ID=902&mode=read', { audience: 'internal' }, [404, undefined]],
      ['/docs/view.aspx?ID=36', {}, [404, undefined]],
      ['/docs/view.aspx', {}, [404, undefined]],
    ] as const) {
      const answer = await get(address, options);
      expect([answer.status, answer.headers.location], `${address} ${JSON.stringify(options)}`).toEqual(expected);
    }
  });
});

describe('an encoded `..` reaches no other folder', () => {
  const attempts = [
    '/..%2fconfidential/nd/pr-902/index.html',
    '/%2e%2e/confidential/nd/pr-902/index.html',
    '/..%2f_nginx/sites.json',
    '/nd/..%2f..%2f..%2fconfidential/nd/pr-902/',
  ];
  it('nginx', async () => {
    for (const attempt of attempts) {
      const answer = await get(attempt);
      expect(answer.status, attempt).not.toBe(200);
      expect(answer.body.toString('utf8'), attempt).not.toContain('qxzconfidential');
    }
  });

  it('the Node server of npm start, one site and the sites of --audiences', async () => {
    const single: Server = await startServer(path.join(dist, 'public'), 0);
    // On 127.0.0.2: asked from 127.0.0.1 it is the trusted proxy, from 127.0.0.2 anyone else.
    const multi: Server = await startNodeServer({ root: dist, port: 0, host: '127.0.0.2' });
    try {
      for (const server of [single, multi]) {
        const { port: p, address: to } = server.address() as AddressInfo;
        for (const attempt of [...attempts, '/..%2finternal/nd/pr-903/index.html', '/%2e%2e%2finternal/nd/pr-903/']) {
          const answer = await get(attempt, { port: p, to, from: '127.0.0.1', audience: 'internal' });
          expect(answer.status, attempt).toBe(404);
          expect(answer.body.toString('utf8')).not.toMatch(/qxzconfidential|qxzinternal/);
        }
      }
      // The same audience rule and headers as nginx.
      const p = (multi.address() as AddressInfo).port;
      const to = '127.0.0.2';
      expect((await get('/nd/pr-903/', { port: p, to, from: '127.0.0.1' })).status).toBe(404);
      expect((await get('/nd/pr-903/', { port: p, to, from: '127.0.0.1', audience: 'internal' })).status).toBe(200);
      expect((await get('/nd/pr-903/', { port: p, to, from: '127.0.0.2', audience: 'internal' })).status).toBe(404);
      const hidden = await get('/nd/pr-902/', { port: p, to, from: '127.0.0.1', audience: 'internal' });
      const missing = await get('/nd/pr-999/', { port: p, to, from: '127.0.0.1', audience: 'internal' });
      expect(hidden.status).toBe(404);
      expect(hidden.body.equals(missing.body)).toBe(true);
      const page = await get('/nd/pt-035/', { port: p, to, encoding: 'br' });
      expect(page.headers['content-encoding']).toBe('br');
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(page.headers[name.toLowerCase()]).toBe(value);
      expect((await get(`/nd/${encodeURIComponent('пт035')}`, { port: p, to })).headers.location).toBe('/nd/pt-035/');
      expect((await get('/docs/view.aspx?ID=35', { port: p, to })).headers.location).toBe('/nd/pt-035/');
      expect((await get('/docs/view.aspx?ID=36', { port: p, to })).status).toBe(404);
    } finally {
      single.close();
      multi.close();
    }
  });
});

describe('in Chromium, under the CSP', () => {
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    // Tall enough for every result to load its data (test/browser/search-page.ts waits for all of them).
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-ND-Audience': 'internal' }, viewport: { width: 1280, height: 6000 } });
    page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
        console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy|CSP:/.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => violations.push(`${page.url()}: ${error.message}`));
  }, 60_000);
  afterAll(async () => browser?.close());

  const base = () => `http://127.0.0.1:${port}`;

  it('search with filters shows results and breaks no rule', async () => {
    const search = new SearchPage(page, base());
    await search.open('аудит');
    expect((await search.results()).length).toBeGreaterThan(0);
    const options = await search.filterOptions('тип');
    expect(options.length).toBeGreaterThan(0);
    await search.selectFilter('тип', options[0]!);
    await search.includeArchived(true);
    expect(violations).toEqual([]);
  });

  it('the table of contents, the registry and «На дату» work and break no rule', async () => {
    await page.goto(`${base()}/nd/pt-035/`);
    const tocLink = page.locator('nav.toc a').first();
    // On a wide screen the contents stand open beside the text.
    const href = await tocLink.getAttribute('href');
    await tocLink.click();
    expect(page.url()).toContain(href!);
    // The registry's filters and sorting are its own script: they run, and the count follows the filter.
    await page.goto(`${base()}/nd/`);
    await page.locator('#registry-filters').waitFor({ state: 'visible' });
    await page.locator('#registry-filters select[name="status"]').selectOption({ index: 1 });
    await page.locator('#registry-count').filter({ hasText: 'показано:' }).waitFor();
    await page.locator('#registry thead button').first().click();
    await page.goto(`${base()}/nd/as-of/?date=2025-01-01`);
    await page.locator('#as-of-caption').filter({ hasText: 'Реестр на 1 января 2025 г.' }).waitFor();
    await page.goto(`${base()}/standards/iso-9001-2015/`);
    expect(violations).toEqual([]);
  });

  it('printing gets its running head from the constructed sheet and breaks no rule', async () => {
    await page.goto(`${base()}/nd/pt-035/`);
    const rules = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
    expect(rules).toContain('@page');
    expect(rules).toContain('ПТ-035');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    expect(violations).toEqual([]);
  });
});
