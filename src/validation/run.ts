import type { SiteConfig } from '../lib/config.ts';
import { check, type CheckResult } from './check.ts';

/** The checker as every caller runs it: configuration in, findings out. */
export function runCheck(config: SiteConfig): Promise<CheckResult> {
  return check({ root: config.contentRootAbs, buildDate: config.buildDate, rules: config.rules, review: config.review, cache: config.analysisCache });
}
