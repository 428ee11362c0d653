import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/** `[порядок аудитов][r1]` without a line `[r1]: адрес` is published as it is written, both pairs of brackets. */
export default defineRule({ id: 'ref/link-label', severity: 'error', description: 'у ссылки вида [текст][метка] есть строка [метка]: адрес' }, (context) => {
  for (const { entry, extracted } of entries(context))
    for (const m of extracted.marks) {
      if (m.kind !== 'unresolved-link') continue;
      context.report(
        { file: entry.file, offset: m.offset },
        `у метки ссылки [${m.label}] нет адреса: добавьте строку «[${m.label}]: https://…» или напишите ссылку как [текст](адрес); иначе текст выйдет со скобками`,
      );
    }
});
