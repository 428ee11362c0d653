import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

const REASONS = {
  'empty-heading': 'пустой заголовок: в оглавлении и на странице он пуст — напишите его текст или удалите строку',
  'empty-link': 'у ссылки нет текста, и читатель её не увидит: напишите текст в квадратных скобках — [текст](адрес)',
} as const;

/** `## ` and `[](адрес)` are published as an empty heading and an invisible link. */
export default defineRule({ id: 'mdx/empty-element', severity: 'error', description: 'у заголовка и ссылки есть текст' }, (context) => {
  for (const { entry, extracted } of entries(context))
    for (const m of extracted.marks) {
      if (m.kind === 'empty-heading' || m.kind === 'empty-link') context.report({ file: entry.file, offset: m.offset }, REASONS[m.kind]);
    }
});
