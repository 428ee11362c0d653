import { readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { audienceSites } from '../../src/site/audience-pages.ts';
import { check, type CheckResult } from '../../src/validation/check.ts';
import { contentRoot, formatMessages } from './content-root.ts';

/**
 * Rules that judge a fixture's dates against the calendar of review periods: fixtures of other rules
 * date their editions freely (2020, 2024…), so these run only in their own fixtures.
 */
const CALENDAR_RULES = ['edition/review-due', 'edition/review-overdue'];

/**
 * The loop every rule-fixture suite shares: a copy of the real content (or some of its folders), the
 * given fixture folders laid over it in order, one check with every rule at a fixed date.
 */
export async function checkOverlays(
  folders: string[],
  options: { buildDate: string; only?: string[]; rule?: string; review?: { leadDays: number } },
): Promise<{ result: CheckResult; lines: string[] }> {
  const root = await contentRoot({}, { only: options.only });
  for (const folder of folders) await cp(folder, root, { recursive: true });
  const rules = Object.fromEntries(CALENDAR_RULES.filter((id) => id !== options.rule).map((id) => [id, 'off' as const]));
  // As nd.config.json builds it: one site, for the internal audience.
  const sites = audienceSites({ audience: 'internal', buildDate: options.buildDate });
  const result = await check({ root, buildDate: options.buildDate, rules, review: options.review, sites });
  return { result, lines: formatMessages(root, result.messages) };
}

/** The located messages a failing fixture must produce, one per line. */
export const expectedLines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');
