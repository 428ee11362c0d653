import { z } from 'zod';
import { isoDate } from './common.ts';

/** The top-level folders of a content root a rule's fixtures can be laid over. */
export const CONTENT_FOLDERS = ['audits', 'documents', 'quality', 'quality-standards', 'registries', 'standards'] as const;

/**
 * `fixture.json` of a rule unit (src/validation/rules/<group>/<name>/): how its `pass/` and `fail/`
 * overlays are checked. Every field is optional; without the file the overlays are laid over the
 * whole real content and checked at 2026-11-26.
 */
export const RuleFixture = z.strictObject({
  /** The date the check judges editions and records at. */
  buildDate: isoDate().default('2026-11-26'),
  /** Which top-level folders of the real content the overlays are laid over; all of them when absent. */
  content: z.array(z.enum(CONTENT_FOLDERS)).min(1).optional(),
  /** A shared overlay, `src/validation/rules/_bases/<base>/`, laid over that content before `pass/` or `fail/`. */
  base: z
    .string()
    .regex(/^[a-z]+(?:-[a-z]+)*$/)
    .optional(),
  /** Periodic review lead time (nd.config.json `review.leadDays`); the checker's default when absent. */
  reviewLeadDays: z.number().int().min(0).optional(),
  /**
   * The rule judges dates against a calendar that other units' fixtures ignore (they date editions
   * freely): it is switched off when any other unit is checked.
   */
  ownFixturesOnly: z.boolean().default(false),
  /** Other rules the failing overlay cannot help triggering; any other rule's finding there fails the unit. */
  alsoReports: z.array(z.string().regex(/^[a-z]+\/[a-z-]+$/)).default([]),
});

export type RuleFixture = z.infer<typeof RuleFixture>;
