import type { Rule } from './rule.ts';
import editionCancellation from './rules/edition-cancellation.ts';
import editionDates from './rules/edition-dates.ts';

/** Rules contributed by other concerns (editions, audits); each appends its module's list here. */
export const EXTRA_RULES: readonly Rule[] = [...editionDates, ...editionCancellation];
