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
export function siteAstroConfig(config: SiteConfig, options: { prepared?: Prepared; outDir?: string; pageLog?: string } = {}): AstroUserConfig {
  return {
    root: PROJECT_ROOT,
    site: config.site,
    trailingSlash: 'always',
    build: { format: 'directory' },
    outDir: options.outDir ?? path.join(PROJECT_ROOT, 'dist'),
    cacheDir: config.cacheDir,
    integrations: [ndIntegration({ config, prepared: options.prepared })],
    devToolbar: { enabled: false },
    vite: { logLevel: 'error' },
    ...(options.pageLog ? { logger: { entrypoint: path.join(import.meta.dirname, 'page-log.mjs'), config: { file: options.pageLog } } } : {}),
    // Pages return a cacheKey from getStaticPaths: an unchanged page is copied from the last build.
    experimental: { incrementalBuild: true },
  };
}
