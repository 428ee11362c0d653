import type { AstroIntegration } from 'astro';
import type { VFileMessage } from 'vfile-message';
import type { SiteConfig } from '../lib/config.ts';
import { audienceSites } from '../site/audience-pages.ts';
import { pagesOf, pagesOfKind } from '../site/pages.ts';
import { prepareSite, type Prepared } from '../publish/prepare.ts';
import { handOver } from '../publish/snapshot.ts';
import { addressKey, searchFirst } from './search-first.ts';
import { searchList } from './search-index.ts';
import { report } from '../validation/reporters/index.ts';

/** Thrown with a message already worded for the author; the build script prints it without a stack. */
export class CheckFailed extends Error {}

/**
 * Hands the published view to Astro. `npm run build` prepares it once (check, publish, render) and
 * passes it in; a bare `astro build` or `astro dev` prepares it here. Either way the view is handed
 * over in memory (src/publish/snapshot.ts) to the pages (src/site/view.ts): pages see nothing else.
 */
export function ndIntegration(options: { config: SiteConfig; prepared?: Prepared; htmlRedirects?: boolean }): AstroIntegration {
  const { config } = options;
  let findings: VFileMessage[] = [];
  /** The addresses the site search holds, by their place in its list: rendered first, in that order, by `astro build`. */
  let searched = new Map<string, number>();
  return {
    name: 'nd',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, logger, injectScript, addMiddleware }) => {
        // Phones: wide tables become stacked rows, each cell labelled by its column's header.
        addMiddleware({ entrypoint: new URL('./table-labels-middleware.ts', import.meta.url), order: 'post' });
        // Pages keyed by their route data render with the whole view out of reach: outermost, around the whole render.
        addMiddleware({ entrypoint: new URL('./route-guard-middleware.ts', import.meta.url), order: 'pre' });
        let prepared = options.prepared;
        if (!prepared) {
          prepared = await prepareSite(config, { publishWithErrors: command !== 'build', sites: audienceSites(config) });
          logFindings(logger, prepared, report('human', prepared.messages, { files: prepared.files }));
        }
        if (command === 'dev') {
          findings = prepared.messages;
          injectScript('page', FINDINGS_NOTICE);
        }
        if (!prepared.view) throw new CheckFailed(`проверка содержимого: ошибок ${prepared.errors}; сборка остановлена`);
        handOver(prepared.view);
        // Redirect pages (`/nd/ПТ-035/`, old intranet addresses) are the inventory's (src/site/pages.ts): a web
        // server does this with one map (src/serve/nginx-parts.ts); the HTML pages are for plain static hosting
        // (`--html-redirects`) and for `astro dev`.
        const htmlRedirects = options.htmlRedirects ?? command !== 'build';
        const pages = pagesOf(prepared.view, { htmlRedirects });
        updateConfig({ redirects: Object.fromEntries(pagesOfKind(pages, 'redirect').map((page) => [page.from, page.to])) });
        searched = new Map(searchList(pages).entries.map((entry, place) => [addressKey(entry.path), place]));
      },
      'astro:build:start': ({ setPrerenderer }) => setPrerenderer((base) => searchFirst(base, searched)),
      /** `astro dev`: every saved content file re-runs the pass; findings go to the terminal and the page. */
      'astro:server:setup': ({ server, logger }) => {
        const root = config.contentRootAbs;
        server.watcher.add(root);
        let timer: NodeJS.Timeout | undefined;
        let running = Promise.resolve();
        const recheck = async () => {
          const prepared = await prepareSite(config, { publishWithErrors: true, sites: audienceSites(config) });
          findings = prepared.messages;
          const text = report('human', prepared.messages, { files: prepared.files });
          logFindings(logger, prepared, text);
          if (prepared.errors > 0) {
            // Astro's overlay shows the errors in the open page and stays until the next save. The view is
            // not rewritten meanwhile: a reload would clear the overlay a moment after it appeared.
            server.hot.send({ type: 'error', err: { message: text, stack: '', plugin: 'nd-check' } });
            return;
          }
          if (prepared.view) {
            // Pages read the new view (src/site/view.ts); the paths and props Astro keeps from each page's
            // getStaticPaths are dropped by the event its content layer sends on a change.
            handOver(prepared.view);
            for (const environment of Object.values(server.environments ?? {}))
              if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.hot.send({ type: 'full-reload' });
        };
        // The page's notice (FINDINGS_NOTICE) reads the latest findings here, warnings included.
        server.middlewares.use(FINDINGS_PATH, (_request, response) => {
          response.setHeader('Content-Type', 'application/json; charset=utf-8');
          response.end(
            JSON.stringify(findings.map((m) => ({ severity: m.fatal ? 'error' : 'warning', text: report('human', [m], { files: 0 }).split('\n')[0] }))),
          );
        });
        server.watcher.on('all', (_event, changed) => {
          if (!changed.startsWith(root)) return;
          clearTimeout(timer);
          timer = setTimeout(() => (running = running.then(recheck, recheck)), 100);
        });
      },
    },
  };
}

/** The check's report at its own level: `[ERROR]` when it has errors, `[WARN]` for warnings only. */
function logFindings(logger: { error(message: string): void; warn(message: string): void; info(message: string): void }, prepared: Prepared, text: string) {
  if (prepared.errors > 0) logger.error(`\n${text}`);
  else if (prepared.messages.length) logger.warn(`\n${text}`);
  else logger.info(`проверка: ошибок нет (файлов ${prepared.files})`);
}

const FINDINGS_PATH = '/__nd/findings';

/**
 * `astro dev` only: a notice at the foot of every page listing the check's findings, warnings too (Astro's
 * overlay shows errors). Shown again after each save, since a re-check reloads the page.
 */
const FINDINGS_NOTICE = `
fetch(${JSON.stringify(FINDINGS_PATH)}).then((r) => r.json()).then((findings) => {
  if (!findings.length) return;
  const box = document.createElement('aside');
  box.id = 'nd-findings';
  box.setAttribute('role', 'status');
  box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:40vh;overflow:auto;margin:0;padding:.75rem 1rem;background:#fff8e1;border-top:3px solid #f0a500;font:14px/1.4 system-ui,sans-serif;z-index:1000';
  const title = document.createElement('strong');
  title.textContent = 'Проверка содержимого: находок ' + findings.length;
  const list = document.createElement('ul');
  for (const f of findings) { const li = document.createElement('li'); li.textContent = f.text; list.append(li); }
  box.append(title, list);
  document.body.append(box);
}).catch(() => {});
`;
