import type { SiteConfig } from '../lib/config.ts';
import { check, type CheckResult } from './check.ts';
import type { SitesOf } from './rule.ts';

/**
 * The checker as every caller runs it: configuration in, findings out. `sites` are the audiences' sites
 * links are checked against; every caller passes src/site/audience-pages.ts `audienceSites(config)`.
 */
export function runCheck(config: SiteConfig, sites: SitesOf): Promise<CheckResult> {
  return check({ root: config.contentRootAbs, buildDate: config.buildDate, rules: config.rules, review: config.review, cache: config.analysisCache, sites });
}
