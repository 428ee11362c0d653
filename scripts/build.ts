/**
 * `npm run build [-- --date YYYY-MM-DD] [--root DIR] [--out DIR] [--audiences public,internal,confidential] [--html-redirects] [--precompress]`
 * One pass: configuration → check → publication → render (src/publish/prepare.ts), then Astro in this
 * process with the prepared view, then the search index, and only then the new site is swapped into
 * place: a failed build leaves the previous site untouched.
 *
 * With `--audiences` (or `audiences` in nd.config.json) the one check publishes and renders once per
 * audience and writes `<out>/<audience>/`, each a complete site, plus `<out>/_nginx/` — the parts of the
 * nginx configuration generated from them (src/serve/nginx-parts.ts). Without it: one site in `<out>/`.
 * The sites of `--audiences` get their text files compressed beside them (`.gz`, `.br`) for nginx; a single
 * site with `--precompress`.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { commandLine, exitWithUsage, UsageError } from '../src/lib/command-line.ts';
import { PROJECT_ROOT, siteAstroConfig } from '../src/integration/astro-config.ts';
import { listeningToPages } from '../src/integration/page-events.ts';
import { openSiteIndex, searchList } from '../src/integration/search-index.ts';
import { builtAudiences, ConfigError, loadConfig, subPathWarning, type SiteConfig } from '../src/lib/config.ts';
import { refusedOutput } from '../src/lib/output-folder.ts';
import { prepareSites } from '../src/publish/prepare.ts';
import { audienceSites } from '../src/site/audience-pages.ts';
import { pagesOf } from '../src/site/pages.ts';
import { PublicationError } from '../src/publish/publish.ts';
import { precompress } from '../src/serve/precompress.ts';
import { writeNginxParts, type BuiltSite } from '../src/serve/nginx-parts.ts';
import { report } from '../src/validation/reporters/index.ts';

/** A failure already worded for the author; printed as is. */
class BuildStopped extends Error {}

const fail = (message: string): never => {
  process.stderr.write(`✗ ${message}\n`);
  process.exit(1);
};

const USAGE =
  'Использование: npm run build -- [--date ГГГГ-ММ-ДД] [--root ПАПКА] [--out ПАПКА] [--audiences public,internal,confidential] [--html-redirects] [--precompress]';

async function main() {
  const { values } = commandLine(
    {
      options: {
        date: { type: 'string' },
        root: { type: 'string' },
        out: { type: 'string', default: 'dist' },
        audiences: { type: 'string' },
        'html-redirects': { type: 'boolean', default: false },
        precompress: { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  const audiencesArg = values.audiences
    ?.split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  if (values.audiences !== undefined && !audiencesArg?.length) fail('--audiences: укажите уровни доступа через запятую, например public,internal,confidential');
  const config = loadConfig(process.cwd(), process.env, { contentRoot: values.root, buildDate: values.date, audiences: audiencesArg });
  const multi = config.audiences !== undefined;
  const audiences = builtAudiences(config);
  if (multi && audiences.length !== config.audiences!.length) fail(`--audiences: уровень указан дважды (${config.audiences!.join(',')})`);
  // Each site has its own caches (Astro's content store and incremental pages, the renderer's).
  const siteConfigs: SiteConfig[] = audiences.map((audience) =>
    Object.freeze({ ...config, audience, cacheDir: multi ? path.join(config.cacheDir, 'nd-sites', audience) : config.cacheDir }),
  );
  const refused = refusedOutput(values.out, { contentRoot: config.contentRootAbs, projectRoot: PROJECT_ROOT });
  if (refused) fail(`сборка не начата: ${refused}`);
  const out = path.resolve(values.out);
  await mkdir(path.dirname(out), { recursive: true });
  await recoverInterrupted(out);
  const started = performance.now();
  const subPath = subPathWarning(config.site);
  if (subPath) process.stdout.write(`⚠ ${subPath}\n`);
  const preparedAll = await prepareSites(siteConfigs, { sites: audienceSites(config) });
  const first = preparedAll[0]!;
  if (first.messages.length) process.stdout.write(`${report('human', first.messages, { files: first.files })}\n`);
  if (!first.view) fail(`сборка остановлена: в содержимом ошибок ${first.errors}; прежний сайт в «${values.out}» не изменён`);
  const rendered = preparedAll.reduce((sum, p) => sum + p.rendered, 0);
  log(
    'проверка',
    started,
    `${first.files} файлов, дата сборки ${config.buildDate}; отрисовано текстов ${rendered}${multi ? `; сайты: ${audiences.join(', ')}` : ''}`,
  );

  // Astro (a second of loading) only once the content is known good: a build the check stops reports sooner.
  const { build: astroBuild } = await import('astro');
  // Astro writes inside the project (its bundle resolves packages from there), whatever --out says.
  const work = path.join(PROJECT_ROOT, '.nd', `build-${process.pid}`);
  const staging = `${out}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const sites: BuiltSite[] = [];
    for (const [i, siteConfig] of siteConfigs.entries()) {
      const prepared = preparedAll[i]!;
      const name = multi ? `${siteConfig.audience}: ` : '';
      const siteDir = multi ? path.join(work, siteConfig.audience) : work;
      // Which pages Astro rendered and which it reused (src/integration/page-log.mjs); tests read it too.
      const pageLog = path.join(siteConfig.cacheDir, 'nd', 'pages.log');
      await mkdir(path.dirname(pageLog), { recursive: true });
      await rm(pageLog, { force: true });
      // What the search holds is the inventory's: nothing is read back from the pages to decide it. Pagefind
      // indexes each listed page as soon as it is ready, in the order Astro started them.
      const search = await openSiteIndex(siteDir, searchList(pagesOf(prepared.view!, { htmlRedirects: values['html-redirects'] })));
      const astroStart = performance.now();
      try {
        await listeningToPages(search, () =>
          astroBuild({
            ...siteAstroConfig(siteConfig, { prepared, outDir: siteDir, pageLog, htmlRedirects: values['html-redirects'] }),
            configFile: false,
            logLevel: 'info',
          }),
        );
      } catch (error) {
        await search.abort();
        // Thrown, not process.exit: the `finally` below must remove the half-written folders.
        throw new BuildStopped(
          `сборка страниц${multi ? ` сайта ${siteConfig.audience}` : ''} не удалась: ${(error as Error).message}; прежний сайт в «${values.out}» не изменён`,
        );
      }
      const pages = await readPageLog(pageLog);
      log('страницы', astroStart, `${name}отрисовано ${pages.rendered.length}, из кэша прошлой сборки ${pages.reused.length}`);
      const indexStart = performance.now();
      const indexed = await search.finish();
      log('поиск', indexStart, `${name}страниц в индексе ${indexed.pages} из ${indexed.files}, из них недействующих редакций ${indexed.archived}`);
      sites.push({ audience: siteConfig.audience, documents: prepared.view!.documents, legacy: prepared.view!.site.legacy });
    }
    // The sites a server serves (--audiences) are compressed for it; a single site only when asked to be.
    const packStart = performance.now();
    const packed = multi || values.precompress ? await precompress(work) : undefined;
    if (multi) {
      const levels = first.view!.site.accessLevels.map((l) => ({ id: l.id, rank: l.rank }));
      await writeNginxParts(work, { serve: config.serve, levels, sites });
    }
    const kb = (n: number) => `${Math.round(n / 1024)} КБ`;
    if (packed) log('сжатие', packStart, `файлов ${packed.files}: ${kb(packed.bytes)} → gzip ${kb(packed.gzipBytes)}, brotli ${kb(packed.brotliBytes)}`);
    await moveDir(work, staging);
    const old = `${out}.old-${process.pid}`;
    if (existsSync(out)) await rename(out, old);
    await rename(staging, out);
    await rm(old, { recursive: true, force: true });
    log('готово', started, `${multi ? 'сайты' : 'сайт'} в ${path.relative(process.cwd(), out) || out}`);
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

async function readPageLog(file: string): Promise<{ rendered: string[]; reused: string[] }> {
  const lines = existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter(Boolean) : [];
  return { rendered: lines.filter((l) => l.startsWith('R ')).map((l) => l.slice(2)), reused: lines.filter((l) => l.startsWith('C ')).map((l) => l.slice(2)) };
}

/** A rename where it can be one; a copy across file systems (an --out on another disk). */
async function moveDir(from: string, to: string) {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * Folders a build killed mid-way left next to the output: `<out>.staging-<pid>` (half-written, removed)
 * and `<out>.old-<pid>` (the previous site, moved back if the kill came between the two renames).
 * Folders of a build that is still running (its pid is alive) are left alone.
 */
async function recoverInterrupted(out: string) {
  const work = path.join(PROJECT_ROOT, '.nd');
  for (const name of existsSync(work) ? await readdir(work) : []) {
    const pid = /^build-(\d+)$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) await rm(path.join(work, name), { recursive: true, force: true });
  }
  const prefix = `${path.basename(out)}.`;
  for (const name of await readdir(path.dirname(out))) {
    const [, kind, pid] = name.startsWith(prefix) ? (/^(staging|old)-(\d+)$/.exec(name.slice(prefix.length)) ?? []) : [];
    if (!kind || Number(pid) === process.pid || alive(Number(pid))) continue;
    const leftover = path.join(path.dirname(out), name);
    if (kind === 'old' && !existsSync(out)) await rename(leftover, out);
    else await rm(leftover, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function log(phase: string, since: number, detail = '') {
  process.stdout.write(`• ${phase.padEnd(9)} ${((performance.now() - since) / 1000).toFixed(1).padStart(5)} с  ${detail}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) exitWithUsage(error, USAGE, '✗ ');
  if (error instanceof PublicationError) fail(`сборка остановлена: ${error.message}`);
  if (error instanceof ConfigError || error instanceof BuildStopped) fail(error.message);
  fail(`сборка не удалась: ${(error as Error).message ?? String(error)}`);
});
