import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isoDate } from '../schemas/common.ts';

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
    buildDate: isoDate().optional().describe('Дата сборки ГГГГ-ММ-ДД (ND_BUILD_DATE); по умолчанию — сегодня.'),
    rules: z.record(z.string(), z.enum(['error', 'warning', 'off'])).default({}).describe('Важность правил проверки.'),
  })
  .strict();

export type NdConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads nd.config.json (or the file ND_CONFIG names) and applies ND_* environment variables. */
export function loadConfig(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): NdConfig & { contentRootAbs: string; buildDate: string } {
  const file = env.ND_CONFIG ? path.resolve(cwd, env.ND_CONFIG) : path.join(cwd, 'nd.config.json');
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`nd.config.json: ошибка синтаксиса JSON — ${(error as Error).message}`);
    }
  }
  const repository = (raw.repository ?? {}) as Record<string, unknown>;
  const merged = {
    ...raw,
    contentRoot: env.ND_CONTENT_ROOT ?? raw.contentRoot,
    site: env.ND_SITE ?? raw.site,
    audience: env.ND_AUDIENCE ?? raw.audience,
    buildDate: env.ND_BUILD_DATE ?? raw.buildDate,
    repository: { url: 'https://git.example.ru/quality/normative-documents', ...repository, ...(env.ND_REPO_URL ? { url: env.ND_REPO_URL } : {}) },
  };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`nd.config.json: свойство «${first?.path.join('.')}»: ${first?.message}`);
  }
  const buildDate = parsed.data.buildDate ?? new Date().toISOString().slice(0, 10);
  return { ...parsed.data, buildDate, contentRootAbs: path.resolve(cwd, parsed.data.contentRoot) };
}
