import { watch as watchFolder } from 'node:fs';
import type { SiteConfig } from '../lib/config.ts';
import { report } from './reporters/index.ts';
import type { SitesOf } from './rule.ts';
import { CheckSession } from './session.ts';

/** How long to wait for more events of one save (editors write a file in several steps). */
const SETTLE_MS = 30;

/**
 * `npm run check -- --watch`: checks once and prints every finding, then after every save re-checks
 * with the language server's incremental model (only the changed files are read again, only the rules
 * they affect re-run) and prints the findings of the saved files and of every file whose findings
 * changed, the totals and the time the re-check took. Runs until interrupted.
 */
export async function watch(config: SiteConfig, sites: SitesOf, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const session = await CheckSession.open({
    root: config.contentRootAbs,
    buildDate: config.buildDate,
    rules: config.rules,
    review: config.review,
    cache: config.analysisCache,
    sites,
  });
  const print = async (reason: string, saved?: string[]) => {
    const started = performance.now();
    const run = await session.run();
    if (run.scope === 'none') return;
    const ms = Math.round(performance.now() - started);
    const shown = new Set([...run.changedPaths, ...(saved ?? []).map((rel) => session.displayPath(rel))]);
    const messages = saved ? run.messages.filter((m) => shown.has(m.file ?? '')) : run.messages;
    let text = report('human', messages, { files: run.corpus.files.length });
    if (saved) {
      // The totals line speaks of the whole content, not of the files shown.
      const lines = text.split('\n');
      lines[lines.length - 1] =
        run.messages.length === 0
          ? `✓ проверено файлов: ${run.corpus.files.length}, ошибок нет`
          : `✗ проверено файлов: ${run.corpus.files.length}; ошибок: ${run.errors}, предупреждений: ${run.warnings} (выше — находки сохранённых файлов и тех, где они изменились)`;
      text = lines.join('\n');
    }
    out.write(
      `${text ? `${text}\n` : ''}⟳ ${reason}: проверено за ${ms} мс (${run.scope === 'full' ? 'всё содержимое' : `документов: ${run.documents.length}`}); жду изменений…\n`,
    );
  };
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  watchFolder(config.contentRootAbs, { recursive: true }, (_event, name) => {
    const rel = name ? session.relOf(`${config.contentRootAbs}/${name}`) : undefined;
    if (!rel) return;
    changed.add(rel);
    session.touch(rel);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const saved = [...changed];
      changed.clear();
      busy = busy
        .then(() => print(`изменено ${saved.join(', ')}`, saved))
        .catch((error: unknown) => {
          out.write(`Проверка не выполнена: ${(error as Error).message}\n`);
        });
    }, SETTLE_MS);
  });
  // The watcher is in place before «жду изменений» is printed: a save right after that line is seen.
  // A save during the first check is queued behind it.
  busy = print('первая проверка');
  await busy;
  await new Promise(() => undefined);
}
