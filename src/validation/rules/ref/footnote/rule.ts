import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/**
 * A footnote call `[^3]` with no `[^3]: …` is published as it is written, brackets and all; a definition
 * no call names is not published at all, and what the author wrote in it is lost. Each is named.
 */
export default defineRule(
  { id: 'ref/footnote', severity: 'error', description: 'у каждой сноски [^1] в тексте есть её текст [^1]: …, и каждый текст сноски упомянут в тексте' },
  (context) => {
    for (const { entry, extracted } of entries(context)) {
      const marks = extracted.marks;
      const key = (label = '') => label.toLowerCase();
      const called = new Set(marks.filter((m) => m.kind === 'footnote-call').map((m) => key(m.label)));
      for (const m of marks) {
        if (m.kind === 'unresolved-footnote')
          context.report(
            { file: entry.file, offset: m.offset },
            `у сноски [^${m.label}] нет текста: добавьте в конец документа строку «[^${m.label}]: текст сноски», иначе читатель увидит «[^${m.label}]» как есть`,
          );
        if (m.kind === 'footnote-definition' && !called.has(key(m.label)))
          context.report(
            { file: entry.file, offset: m.offset },
            `сноска [^${m.label}] нигде не упомянута в тексте, и на страницу она не попадёт: поставьте [^${m.label}] там, к чему она относится, или удалите её`,
          );
      }
    }
  },
);
