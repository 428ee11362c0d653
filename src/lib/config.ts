import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isoDate } from '../schemas/common.ts';
import { closest } from './did-you-mean.ts';
import { firstJsonSyntaxError } from './json-syntax.ts';

/** `nd.config.json` at the project root; every field has an environment override. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    contentRoot: z.string().default('content').describe('Папка содержимого (ND_CONTENT_ROOT).'),
    site: z.url().default('http://localhost:4321').describe('Адрес портала (ND_SITE).'),
    repository: z
      .object({
        url: z.url().describe('Адрес репозитория (ND_REPO_URL).'),
        branch: z.string().default('main'),
        blobPath: z.string().default('blob').describe('Сегмент адреса файла: blob (GitHub) или -/blob (GitLab).'),
      })
      .strict(),
    audience: z.string().default('internal').describe('Максимальный уровень доступа публикуемых документов (ND_AUDIENCE).'),
    audiences: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Сайты, которые строит один проход: dist/<уровень>/ для каждого (--audiences); без него — один сайт уровня audience в dist/.'),
    serve: z
      .object({
        audienceHeader: z
          .string()
          .regex(/^[A-Za-z0-9-]+$/)
          .default('X-ND-Audience')
          .describe('Заголовок, в котором прокси единого входа передаёт уровень доступа читателя.'),
        trustedProxies: z
          .array(
            z
              .union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
                error: (issue) => `ожидается IP-адрес или подсеть CIDR прокси, например 10.0.0.5 или 10.0.0.0/24, указано ${JSON.stringify(issue.input)}`,
              })
              // A network of every address makes the sign-on header everyone's to set: the gate would be open.
              .refine((entry) => !/\/0$/.test(entry), {
                error: (issue) =>
                  `«${String(issue.input)}» — это любой адрес: кто угодно выбрал бы себе аудиторию заголовком; укажите адреса прокси единого входа`,
              }),
          )
          .default(['127.0.0.1', '::1'])
          .describe('Адреса прокси единого входа: заголовки X-ND-* принимаются только от них.'),
        missingAudience: z
          .enum(['public', '401'])
          .default('public')
          .describe('Запрос без заголовка (или с неизвестным уровнем, или не от прокси): общедоступный сайт или ответ 401.'),
        ackPort: z.int().min(1).max(65535).default(4322).describe('Порт службы ознакомления на 127.0.0.1 (ND_ACK_PORT): туда nginx передаёт /api/.'),
      })
      .strict()
      .default({ audienceHeader: 'X-ND-Audience', trustedProxies: ['127.0.0.1', '::1'], missingAudience: 'public', ackPort: 4322 })
      .describe('Публикация на сервере: выбор сайта по заголовку прокси единого входа (deploy/nginx/).'),
    buildDate: isoDate().optional().describe('Дата сборки ГГГГ-ММ-ДД (ND_BUILD_DATE); по умолчанию — сегодня.'),
    review: z
      .object({
        leadDays: z.int().min(0).max(365).default(60).describe('За сколько дней до срока пересмотра предупреждать (edition/review-due).'),
      })
      .strict()
      .default({ leadDays: 60 })
      .describe('Периодический пересмотр документов.'),
    ack: z
      .object({
        reportRoles: z
          .array(z.string())
          .default(['quality-representative', 'top-management'])
          .describe('Роли, которым видны отчёты об ознакомлении по всем подразделениям (отдел качества, руководство).'),
        unitReportRoles: z.array(z.string()).default(['audited-unit-heads']).describe('Роли руководителей: им виден отчёт своего подразделения и подчинённых.'),
      })
      .strict()
      .default({ reportRoles: ['quality-representative', 'top-management'], unitReportRoles: ['audited-unit-heads'] })
      .describe('Служба ознакомления (npm run ack): кто читает отчёты.'),
    rules: z
      .record(z.string(), z.enum(['error', 'warning', 'off']))
      .default({})
      .describe('Важность правил проверки.'),
  })
  .strict();

export type NdConfig = z.infer<typeof configSchema>;

/** The validated configuration every step receives as an argument; nothing reads it back from the environment. */
export type SiteConfig = Readonly<NdConfig & { contentRootAbs: string; buildDate: string; cacheDir: string; analysisCache: 'auto' | 'on' | 'off' }>;

/** What a command line may set; it wins over the environment and nd.config.json. */
export interface ConfigOverrides {
  contentRoot?: string;
  buildDate?: string;
  audience?: string;
  audiences?: string[];
  site?: string;
}

export class ConfigError extends Error {}

/**
 * Reads nd.config.json (or the file ND_CONFIG names), applies the documented ND_* environment variables
 * and then the command line's overrides. Called once, by the command's entry point.
 */
export function loadConfig(cwd = process.cwd(), rawEnv: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): SiteConfig {
  const env = setVariables(rawEnv);
  const file = env.ND_CONFIG ? path.resolve(cwd, env.ND_CONFIG) : path.join(cwd, 'nd.config.json');
  const shown = path.relative(cwd, file).startsWith('..') ? file : path.relative(cwd, file);
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const syntax = firstJsonSyntaxError(text);
    if (syntax) throw new ConfigError(`${shown}:${syntax}`);
    raw = JSON.parse(text) as Record<string, unknown>;
  }
  const repository = (raw.repository ?? {}) as Record<string, unknown>;
  const merged = {
    ...raw,
    contentRoot: overrides.contentRoot ?? env.ND_CONTENT_ROOT ?? raw.contentRoot,
    site: overrides.site ?? env.ND_SITE ?? raw.site,
    audience: overrides.audience ?? env.ND_AUDIENCE ?? raw.audience,
    audiences: overrides.audiences ?? raw.audiences,
    buildDate: overrides.buildDate ?? env.ND_BUILD_DATE ?? raw.buildDate,
    repository: { url: 'https://git.example.ru/quality/normative-documents', ...repository, ...(env.ND_REPO_URL ? { url: env.ND_REPO_URL } : {}) },
    ...(env.ND_ACK_PORT ? { serve: { ...((raw.serve ?? {}) as Record<string, unknown>), ackPort: Number(env.ND_ACK_PORT) } } : {}),
  };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const key = settingName(first.path);
    const unknown = parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? [unknownKeys(issue.keys, issue.path)] : []));
    if (unknown.length) throw new ConfigError(`${shown}: ${unknown.join('; ')}`);
    throw new ConfigError(`${whereSet(key, overrides, env) ?? `${shown}: свойство «${key}»`}: ${first.message}`);
  }
  const buildDate = parsed.data.buildDate ?? new Date().toISOString().slice(0, 10);
  // Astro's cache (content store, incremental pages) and the renderer's; tests give each build its own.
  const cacheDir = path.resolve(cwd, env.ND_CACHE_DIR ?? 'node_modules/.astro');
  // The checker's analysis cache: ND_CACHE=on|off (benchmarks measure both), else automatic.
  const analysisCache = env.ND_CACHE === 'on' || env.ND_CACHE === 'off' ? env.ND_CACHE : 'auto';
  return Object.freeze({ ...parsed.data, buildDate, cacheDir, analysisCache, contentRootAbs: path.resolve(cwd, parsed.data.contentRoot) });
}

/** The audiences a build makes sites for, each once: `audiences` (`--audiences`), else the one `audience`. */
export const builtAudiences = (config: Pick<SiteConfig, 'audience' | 'audiences'>): string[] => [...new Set(config.audiences ?? [config.audience])];

/**
 * The warning for a site address below the host's root (`https://intranet.example.ru/nd-portal/`, a GitLab
 * Pages project path): the pages link from the host's root (/nd/…, /_astro/…), so only the site map and
 * the feed would carry the path. Undefined for an address at the root.
 */
export function subPathWarning(site: string): string | undefined {
  const { pathname, origin } = new URL(site);
  if (pathname === '/' || pathname === '') return undefined;
  return `адрес портала ${site} указывает путь ${pathname}, а страницы ссылаются от корня хоста (/nd/…): открывайте портал по адресу ${origin}/ (отдельное имя хоста или прокси корня), иначе ссылки на страницах не откроются`;
}

/** «неизвестное свойство «audiense»: возможно, «audience»», with the settings known at that level. */
function unknownKeys(keys: readonly string[], at: readonly PropertyKey[]): string {
  const level = at.reduce<z.ZodType | undefined>((schema, part) => {
    const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : undefined;
    return shape?.[String(part)] instanceof z.ZodType ? unwrap(shape[String(part)]!) : undefined;
  }, unwrap(configSchema));
  const known = level instanceof z.ZodObject ? Object.keys(level.shape as object) : [];
  const prefix = at.length ? `${settingName(at)}.` : '';
  return keys
    .map((key) => {
      const near = closest(key, known);
      return `неизвестное свойство «${prefix}${key}»${near ? `: возможно, «${prefix}${near}»` : ''}`;
    })
    .join('; ');
}

/** A setting's name as the file writes it: `serve.trustedProxies[1]`. */
function settingName(at: readonly PropertyKey[]): string {
  return at.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

/** The object inside optional and default wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/** The command-line option and environment variable of each setting that has them, in the order they win. */
const SOURCES: Record<string, readonly [option: keyof ConfigOverrides | undefined, flag: string | undefined, variable?: string]> = {
  contentRoot: ['contentRoot', '--root', 'ND_CONTENT_ROOT'],
  site: ['site', undefined, 'ND_SITE'],
  audience: ['audience', undefined, 'ND_AUDIENCE'],
  audiences: ['audiences', '--audiences'],
  buildDate: ['buildDate', '--date', 'ND_BUILD_DATE'],
  'repository.url': [undefined, undefined, 'ND_REPO_URL'],
  'serve.ackPort': [undefined, undefined, 'ND_ACK_PORT'],
};

/** Where a wrong value came from when not from the file: the option (`--date`) or the variable (`ND_BUILD_DATE=…`). */
function whereSet(key: string, overrides: ConfigOverrides, env: NodeJS.ProcessEnv): string | undefined {
  const [option, flag, variable] = SOURCES[key] ?? [];
  if (option && overrides[option] !== undefined) return flag ?? `параметр «${key}»`;
  if (variable && env[variable] !== undefined) return `переменная окружения ${variable}`;
  return undefined;
}

/**
 * The environment with empty variables left out: CI writes `ND_SITE: $CI_PAGES_URL` whether or not the
 * project has Pages, and an empty value means «not set», never «the empty address».
 */
function setVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}
