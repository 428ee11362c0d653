/**
 * The generated nginx parts without nginx: the address patterns of a code (the same expression nginx's
 * map and the Node server use), the site each access level reads, the legacy paths, and the settings.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import { legacyPath } from '../../src/schemas/legacy-urls.ts';
import { audienceConf, codeAddressPattern, redirectsConf, siteForLevel } from '../../src/serve/nginx-parts.ts';
import { cacheControlFor, IMMUTABLE } from '../../src/serve/headers.ts';
import { projectRoot } from '../helpers/content-root.ts';

const LEVELS = [
  { id: 'public', rank: 0 },
  { id: 'internal', rank: 1 },
  { id: 'confidential', rank: 2 },
  { id: 'trade-secret', rank: 3 },
];

describe('codeAddressPattern', () => {
  const matches = (code: string, pathname: string) => new RegExp(`^${codeAddressPattern(code)}`).test(pathname);
  it.each(['/nd/ПТ-035', '/nd/пт035', '/nd/Пт-035/', '/nd/PT-035', '/nd/pt035', '/nd/pT 035', '/nd/ПТ\u2011035', '/nd/ПТ_035', '/ND/PT-035', '/Nd/пт035'])(
    'ПТ-035 ← %s',
    (p) => {
      expect(matches('ПТ-035', p)).toBe(true);
    },
  );
  it.each(['/nd/ПТ-0350', '/nd/ПР-035', '/nd/ПТ-035/1.0/', '/x/nd/ПТ-035', '/nd/ПТ--035'])('ПТ-035 ↚ %s', (p) => {
    expect(matches('ПТ-035', p)).toBe(false);
  });
  it('a prefix transliterated into two letters (Х → kh)', () => {
    expect(matches('ХК-001', '/nd/khk-001')).toBe(true);
    expect(matches('ХК-001', '/nd/KHK001')).toBe(true);
    expect(matches('ХК-001', '/nd/хк001')).toBe(true);
  });
});

describe('siteForLevel', () => {
  it('gives each level the highest built site at or below it', () => {
    expect(Object.fromEntries(siteForLevel(LEVELS, ['public', 'internal', 'confidential']))).toEqual({
      public: 'public',
      internal: 'internal',
      confidential: 'confidential',
      'trade-secret': 'confidential',
    });
    expect(Object.fromEntries(siteForLevel(LEVELS, ['internal']))).toEqual({ internal: 'internal', confidential: 'internal', 'trade-secret': 'internal' });
  });
});

describe('audienceConf', () => {
  const serve = loadConfig(projectRoot, {}).serve;
  it('trusts the header only from the configured proxies, with the public site as default', () => {
    const conf = audienceConf({ ...serve, trustedProxies: ['10.0.0.5', '10.1.0.0/16'] }, LEVELS, ['public', 'internal']);
    expect(conf).toContain('geo $realip_remote_addr $nd_trusted {\n    default 0;\n    10.0.0.5 1;\n    10.1.0.0/16 1;\n}');
    expect(conf).toContain('map "$nd_trusted:$http_x_nd_audience" $nd_site {\n    default "public";');
    expect(conf).toContain('"1:confidential" internal;');
  });
  it('answers 401 when so configured, or when no public site is built', () => {
    expect(audienceConf({ ...serve, missingAudience: '401' }, LEVELS, ['public', 'internal'])).toContain('default "";');
    expect(audienceConf(serve, LEVELS, ['internal'])).toContain('default "";');
  });
  it('follows a renamed header', () => {
    expect(audienceConf({ ...serve, audienceHeader: 'X-Company-Clearance' }, LEVELS, ['public'])).toContain('$http_x_company_clearance');
  });
});

describe('settings', () => {
  it('default to X-ND-Audience from loopback, the public site without it, the acknowledgement service on 4322', () => {
    expect(loadConfig(projectRoot, {}).serve).toEqual({
      audienceHeader: 'X-ND-Audience',
      trustedProxies: ['127.0.0.1', '::1'],
      missingAudience: 'public',
      ackPort: 4322,
    });
    expect(loadConfig(projectRoot, { ND_ACK_PORT: '5000' }).serve.ackPort).toBe(5000);
  });
});

describe('legacy addresses and the map', () => {
  it('keeps the decoded path of an old address', () => {
    expect(legacyPath('https://intranet.example.ru/%D0%9D%D0%94/a%20b.docx?x=1')).toBe('/НД/a b.docx');
    expect(legacyPath('НД/old.pdf')).toBe('/НД/old.pdf');
  });
  it('quotes keys so that a quote or backslash in an old address cannot end them', () => {
    const conf = redirectsConf([{ site: 'public', from: '/a "b"\\c', to: '/nd/pt-035/' }]);
    expect(conf).toContain('"public:/a \\"b\\"\\\\c" "/nd/pt-035/";');
  });
});

describe('caching', () => {
  it('is immutable for hashed names only', () => {
    expect(cacheControlFor('/_astro/Base.BY0kkqul.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('/pagefind/fragment/ru_1555ef1.pf_fragment')).toBe(IMMUTABLE);
    expect(cacheControlFor('/pagefind/pagefind.ru_6a53b3dc2f.pf_meta')).toBe(IMMUTABLE);
    for (const p of ['/', '/nd/pt-035/', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.ru.pagefind'])
      expect(cacheControlFor(p), p).toBe('no-cache');
  });
});
