import { entries } from '../entries.ts';
import { containment } from '../mdx-containment.ts';
import { defineRule } from '../rule.ts';

/**
 * MDX is code that runs at build time. Content may only use the content components; the checker
 * runs before Astro evaluates any file, and the build's MDX guard refuses the same findings, so a
 * forbidden file is never executed.
 */
export const forbiddenCode = defineRule('mdx/forbidden-code', (context) => {
  for (const { entry, extracted } of entries(context)) {
    for (const { offset, reason } of containment(extracted.code)) context.report({ file: entry.file, offset }, reason);
  }
});

export default [forbiddenCode];
