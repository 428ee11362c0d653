import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import type { SiteConfig } from '../lib/config.ts';
import { readGitHistory } from '../analysis/git-history.ts';
import { RenderCache } from '../render/render-cache.ts';
import type { SitesOf } from '../validation/rule.ts';
import { runCheck } from '../validation/run.ts';
import { publish, type PublishedView } from './publish.ts';

export interface Prepared {
  messages: VFileMessage[];
  errors: number;
  warnings: number;
  files: number;
  /** Absent when the check found errors: nothing is published from a broken corpus. */
  view?: PublishedView;
  /** Bodies rendered by this pass; the others came from the render cache. */
  rendered: number;
}

/**
 * config → read and check → decide publication → render. Runs once per build (scripts/build.ts) or
 * per change (astro dev); the checked corpus does not outlive this function.
 */
export interface PrepareOptions {
  /** The audiences' sites the check meets links against (src/site/audience-pages.ts `audienceSites`). */
  sites: SitesOf;
  publishWithErrors?: boolean;
  gitHistory?: boolean;
}

export async function prepareSite(config: SiteConfig, options: PrepareOptions): Promise<Prepared> {
  const [prepared] = await prepareSites([config], options);
  return prepared!;
}

/**
 * One check, then publication and rendering once per audience (`npm run build -- --audiences …`): each
 * config differs only in `audience` (and its cache folder); the corpus is read and checked once, for the first.
 */
export async function prepareSites(configs: SiteConfig[], options: PrepareOptions): Promise<Prepared[]> {
  const [first] = configs;
  if (!first) return [];
  const checked = await runCheck(first, options.sites);
  const base = { messages: checked.messages, errors: checked.errors, warnings: checked.warnings, files: checked.corpus.files.length, rendered: 0 };
  if (checked.errors > 0 && !options.publishWithErrors) return configs.map(() => base);
  // The merge-request report compares two trees, one of which has no history of its own: it reads none.
  const history = options.gitHistory === false ? undefined : await readGitHistory(first.contentRootAbs);
  const out: Prepared[] = [];
  for (const config of configs) {
    const cache = new RenderCache(path.join(config.cacheDir, 'nd', `render-${config.audience}.bin`));
    const view = publish(checked, config, cache, history);
    await cache.save();
    out.push({ ...base, view, rendered: cache.rendered });
  }
  return out;
}
