import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/**
 * MDX is code that runs at build time. Content may only use the content components; the checker
 * runs before Astro evaluates any file, and the build's MDX guard refuses the same findings, so a
 * forbidden file is never executed.
 */
export default defineRule(
  {
    id: 'mdx/forbidden-code',
    severity: 'error',
    description:
      'MDX не выполняет код: импорт только компонентов содержимого, без экспорта и выражений {…}, без <script>, обработчиков on*, style и javascript:-адресов',
  },
  (context) => {
    for (const { entry, extracted } of entries(context)) {
      for (const { offset, reason } of extracted.containment) context.report({ file: entry.file, offset }, reason);
    }
  },
);
