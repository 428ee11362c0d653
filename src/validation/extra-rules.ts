import type { Rule } from './rule.ts';

/** Rules contributed by other concerns (editions, audits); each appends its module's list here. */
export const EXTRA_RULES: readonly Rule[] = [];
