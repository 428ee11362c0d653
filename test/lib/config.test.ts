import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, subPathWarning } from '../../src/lib/config.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** CI fills variables from others that may be empty (`ND_SITE: $CI_PAGES_URL`): empty is unset, not a value. */
describe('loadConfig and the ND_* variables', () => {
  const fromFile = JSON.parse(readFileSync(path.join(projectRoot, 'nd.config.json'), 'utf8')) as { site: string; contentRoot: string };

  it.each(['', '  '])('ND_SITE=%j falls back to nd.config.json', (value) => {
    expect(loadConfig(projectRoot, { ND_SITE: value }).site).toBe(fromFile.site);
  });

  it('an empty ND_CONTENT_ROOT, ND_AUDIENCE or ND_BUILD_DATE is unset too', () => {
    const config = loadConfig(projectRoot, { ND_CONTENT_ROOT: '', ND_AUDIENCE: '', ND_BUILD_DATE: '' });
    expect(config.contentRootAbs).toBe(path.resolve(projectRoot, fromFile.contentRoot));
    expect(config.buildDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a set ND_SITE still wins', () => {
    expect(loadConfig(projectRoot, { ND_SITE: 'https://nd.example.ru' }).site).toBe('https://nd.example.ru');
  });
});

/** A wrong value is reported where it was set: the command line, a variable, or the file (the one ND_CONFIG names). */
describe('loadConfig names where a wrong value came from', () => {
  it.each([
    ['the command line', {}, { buildDate: '2026-13-01' }, /^--date: ожидается существующая дата/],
    ['a variable', { ND_BUILD_DATE: '2026-13-01' }, {}, /^переменная окружения ND_BUILD_DATE: ожидается существующая дата/],
    ['a variable', { ND_SITE: 'не адрес' }, {}, /^переменная окружения ND_SITE: /],
    ['an option of the command line that lists', {}, { audiences: [] }, /^--audiences: /],
  ])('%s', (_, env, overrides, message) => {
    expect(() => loadConfig(projectRoot, env, overrides)).toThrow(message);
  });

  it('the file, by its path, when the value is written there', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'nd-config-')), 'nd.config.json');
    writeFileSync(file, JSON.stringify({ buildDate: '2026-02-30' }));
    expect(() => loadConfig(projectRoot, { ND_CONFIG: file })).toThrow(`${file}: свойство «buildDate»: ожидается существующая дата`);
  });
});

describe('nd.config.json written by hand', () => {
  const configFile = (text: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'nd-config-')), 'nd.config.json');
    writeFileSync(file, text);
    return file;
  };

  it('a mistyped setting is named with the one meant, at any level, all of them at once', () => {
    const file = configFile(JSON.stringify({ audiense: 'public', serve: { trustedProxy: ['10.0.0.1'] } }));
    expect(() => loadConfig(projectRoot, { ND_CONFIG: file })).toThrow(
      `${file}: неизвестное свойство «serve.trustedProxy»: возможно, «serve.trustedProxies»; неизвестное свойство «audiense»: возможно, «audience»`,
    );
  });

  it.each([
    ['{\n  "site": "https://nd.example.ru"\n  "audience": "public"\n}\n', '3:3: ошибка синтаксиса JSON: ожидается запятая'],
    [
      '{ "site": "https://nd.example.ru", }',
      '1:34: ошибка синтаксиса JSON: лишняя запятая перед «}»: после последнего элемента запятая не ставится — уберите её',
    ],
    ['{ // комментарий\n}', '1:3: ошибка синтаксиса JSON: комментарии в JSON не допускаются'],
  ])('a syntax error is located at line:column, in Russian: %j', (text, where) => {
    const file = configFile(text);
    expect(() => loadConfig(projectRoot, { ND_CONFIG: file })).toThrow(`${file}:${where}`);
  });

  it.each([
    ['localhost', 'ожидается IP-адрес или подсеть CIDR прокси, например 10.0.0.5 или 10.0.0.0/24, указано "localhost"'],
    ['10.0.0.0/33', 'ожидается IP-адрес или подсеть CIDR прокси, например 10.0.0.5 или 10.0.0.0/24, указано "10.0.0.0/33"'],
    ['0.0.0.0/0', '«0.0.0.0/0» — это любой адрес: кто угодно выбрал бы себе аудиторию заголовком; укажите адреса прокси единого входа'],
    ['::/0', '«::/0» — это любой адрес: кто угодно выбрал бы себе аудиторию заголовком; укажите адреса прокси единого входа'],
  ])('serve.trustedProxies %j is refused, named by its place in the list', (proxy, message) => {
    const file = configFile(JSON.stringify({ serve: { trustedProxies: ['127.0.0.1', proxy] } }));
    expect(() => loadConfig(projectRoot, { ND_CONFIG: file })).toThrow(`${file}: свойство «serve.trustedProxies[1]»: ${message}`);
  });

  it('a network of proxies is trusted as written', () => {
    const file = configFile(JSON.stringify({ serve: { trustedProxies: ['10.0.0.0/8', 'fd00::/8', '::1'] } }));
    expect(loadConfig(projectRoot, { ND_CONFIG: file }).serve.trustedProxies).toEqual(['10.0.0.0/8', 'fd00::/8', '::1']);
  });

  it('a byte order mark (Notepad writes one) is not an error', () => {
    const file = configFile('\uFEFF{ "audience": "public" }');
    expect(loadConfig(projectRoot, { ND_CONFIG: file }).audience).toBe('public');
  });
});

/** The pages link from the host's root: an address with a path is published, with a warning that says where to open it. */
describe('subPathWarning', () => {
  it.each(['https://nd.example.ru', 'https://nd.example.ru/', 'http://localhost:4321'])('%s: none', (site) => {
    expect(subPathWarning(site)).toBeUndefined();
  });

  it.each([
    ['https://intranet.example.ru/nd-portal/', '/nd-portal/', 'https://intranet.example.ru'],
    ['https://quality.gitlab.io/normative-documents', '/normative-documents', 'https://quality.gitlab.io'],
  ])('%s: names the path and the root to open', (site, pathname, origin) => {
    expect(subPathWarning(site)).toBe(
      `адрес портала ${site} указывает путь ${pathname}, а страницы ссылаются от корня хоста (/nd/…): открывайте портал по адресу ${origin}/ (отдельное имя хоста или прокси корня), иначе ссылки на страницах не откроются`,
    );
  });
});
