import path from 'node:path';
import type { AstroUserConfig } from 'astro';
import type { SiteConfig } from '../lib/config.ts';
import type { Prepared } from '../publish/prepare.ts';
import { ndIntegration } from './index.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The Astro configuration of the portal, from the one validated configuration object. `astro.config.mjs`
 * (astro dev) and `npm run build` (in-process, with the view already prepared) both use it.
 */
export function siteAstroConfig(
  config: SiteConfig,
  options: { prepared?: Prepared; outDir?: string; pageLog?: string; htmlRedirects?: boolean } = {},
): AstroUserConfig {
  return {
    root: PROJECT_ROOT,
    site: config.site,
    trailingSlash: 'always',
    // Every stylesheet and script is a file of its own: the Content-Security-Policy (src/serve/headers.ts)
    // allows no inline code, so nothing may be inlined however small.
    // Four pages at a time: while one waits for its files to be written, another renders (1,000 documents:
    // pages 21 → 16 s). Pages still reach the search index in the search list's order (search-index.ts).
    build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
    outDir: options.outDir ?? path.join(PROJECT_ROOT, 'dist'),
    cacheDir: config.cacheDir,
    integrations: [ndIntegration({ config, prepared: options.prepared, htmlRedirects: options.htmlRedirects })],
    devToolbar: { enabled: false },
    vite: { logLevel: 'error', build: { assetsInlineLimit: 0 } },
    ...(options.pageLog ? { logger: { entrypoint: path.join(import.meta.dirname, 'page-log.mjs'), config: { file: options.pageLog } } } : {}),
    // Pages return a cacheKey from getStaticPaths: an unchanged page is copied from the last build.
    experimental: { incrementalBuild: true },
  };
}
