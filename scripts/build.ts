/**
 * `npm run build [-- --date YYYY-MM-DD] [--root DIR] [--out DIR]`
 * Checks the content, builds the site into a temporary folder next to the output, indexes it for
 * search, and only then swaps it into place: a failed build leaves the previous site untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/lib/config.ts';
import { report } from '../src/validation/reporters/index.ts';
import { runCheck } from '../src/validation/run.ts';
import { indexSite } from '../src/integration/search-index.ts';
import { decidePublication } from '../src/site/publication.ts';

/** A failure already worded for the author; printed as is. */
class BuildStopped extends Error {}

const fail = (message: string): never => {
  process.stderr.write(`✗ ${message}\n`);
  process.exit(1);
};

async function main() {
  const { values } = parseArgs({ options: { date: { type: 'string' }, root: { type: 'string' }, out: { type: 'string', default: 'dist' } } });
  if (values.date) process.env.ND_BUILD_DATE = values.date;
  if (values.root) process.env.ND_CONTENT_ROOT = values.root;
  const config = loadConfig();
  // Freeze the build's date for every child process, so one build judges editions at one date.
  process.env.ND_BUILD_DATE = config.buildDate;
  const out = path.resolve(values.out);
  await mkdir(path.dirname(out), { recursive: true });
  await recoverInterrupted(out);
  const started = performance.now();
  const checked = await runCheck(config);
  if (checked.messages.length) process.stdout.write(`${report('human', checked.messages, { files: checked.corpus.files.length })}\n`);
  if (checked.errors > 0) fail(`сборка остановлена: в содержимом ошибок ${checked.errors}; прежний сайт в «${values.out}» не изменён`);
  const publication = decidePublication(checked, config.audience, config.buildDate);
  if (publication.problem) fail(`сборка остановлена: ${publication.problem}`);
  log('проверка', started, `${checked.corpus.files.length} файлов, дата сборки ${config.buildDate}`);

  const staging = `${out}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const astroStart = performance.now();
    const astro = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ND_OUT_DIR: staging, ND_CHECKED: '1' },
    });
    // Thrown, not process.exit: the `finally` below must remove the half-written staging folder.
    if (astro.status !== 0) throw new BuildStopped(`сборка страниц не удалась (${astro.signal ? `прервана сигналом ${astro.signal}` : `код ${astro.status}`}); прежний сайт в «${values.out}» не изменён`);
    log('страницы', astroStart);
    const indexStart = performance.now();
    const indexed = await indexSite(staging);
    log('поиск', indexStart, `страниц в индексе ${indexed.pages} из ${indexed.files}, из них недействующих редакций ${indexed.archived}`);
    const old = `${out}.old-${process.pid}`;
    if (existsSync(out)) await rename(out, old);
    await rename(staging, out);
    await rm(old, { recursive: true, force: true });
    log('готово', started, `сайт в ${path.relative(process.cwd(), out) || out}`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Folders a build killed mid-way left next to the output: `<out>.staging-<pid>` (half-written, removed)
 * and `<out>.old-<pid>` (the previous site, moved back if the kill came between the two renames).
 * Folders of a build that is still running (its pid is alive) are left alone.
 */
async function recoverInterrupted(out: string) {
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
  if (error instanceof ConfigError || error instanceof BuildStopped) fail(error.message);
  fail(`сборка не удалась: ${(error as Error).message ?? String(error)}`);
});
