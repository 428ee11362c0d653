/**
 * `npm run build [-- --date YYYY-MM-DD] [--root DIR] [--out DIR]`
 * Checks the content, builds the site into a temporary folder next to the output, indexes it for
 * search, and only then swaps it into place: a failed build leaves the previous site untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/lib/config.ts';
import { report } from '../src/validation/reporters/index.ts';
import { runCheck } from '../src/validation/run.ts';
import { indexSite } from '../src/integration/search-index.ts';
import { decidePublication } from '../src/site/publication.ts';

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
  const started = performance.now();
  const checked = await runCheck(config);
  if (checked.messages.length) process.stdout.write(`${report('human', checked.messages, { files: checked.corpus.files.length })}\n`);
  if (checked.errors > 0) fail(`сборка остановлена: в содержимом ошибок ${checked.errors}; прежний сайт в «${values.out}» не изменён`);
  const publication = decidePublication(checked, config.audience);
  if (publication.problem) fail(`сборка остановлена: ${publication.problem}`);
  log('проверка', started, `${checked.corpus.files.length} файлов, дата сборки ${config.buildDate}`);

  const out = path.resolve(values.out);
  const staging = `${out}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(out), { recursive: true });
  try {
    const astroStart = performance.now();
    const astro = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ND_OUT_DIR: staging, ND_CHECKED: '1' },
    });
    if (astro.status !== 0) fail(`сборка страниц не удалась (код ${astro.status}); прежний сайт в «${values.out}» не изменён`);
    log('страницы', astroStart);
    const indexStart = performance.now();
    const indexed = await indexSite(staging);
    log('поиск', indexStart, `${indexed.pages} страниц в индексе, недействующих редакций ${indexed.archived}`);
    const old = `${out}.old-${process.pid}`;
    if (existsSync(out)) await rename(out, old);
    await rename(staging, out);
    await rm(old, { recursive: true, force: true });
    log('готово', started, `сайт в ${path.relative(process.cwd(), out) || out}`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function log(phase: string, since: number, detail = '') {
  process.stdout.write(`• ${phase.padEnd(9)} ${((performance.now() - since) / 1000).toFixed(1).padStart(5)} с  ${detail}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  fail(`сборка не удалась: ${(error as Error).message ?? String(error)}`);
});
