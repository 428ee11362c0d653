import { COMPONENTS_WITH_TEXT, isContentComponent } from '../../../../analysis/allowlist.ts';
import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

const REASONS = {
  'empty-heading': 'пустой заголовок: в оглавлении и на странице он пуст — напишите его текст или удалите строку',
  'empty-link': 'у ссылки нет текста, и читатель её не увидит: напишите текст в квадратных скобках — [текст](адрес)',
} as const;

/** What a component that shows its text shows without one: nothing, or a note's title alone. */
const EMPTY_COMPONENT: Partial<Record<string, string>> = {
  Role: 'у <Role> нет текста, и в предложении на его месте ничего не будет: напишите слово в нужной форме — <Role id="…">аудитор</Role>',
  Term: 'у <Term> нет текста, и в предложении на его месте ничего не будет: напишите термин — <Term id="…">СМК</Term>',
  Note: 'у <Note> нет текста, и на странице останется один заголовок примечания: напишите текст между <Note> и </Note>',
};

/** `## `, `[](адрес)` and `<Role id="auditor" />` are published as an empty heading, an invisible link, nothing. */
export default defineRule({ id: 'mdx/empty-element', severity: 'error', description: 'у заголовка, ссылки, <Role>, <Term> и <Note> есть текст' }, (context) => {
  for (const { entry, extracted } of entries(context)) {
    for (const m of extracted.marks)
      if (m.kind === 'empty-heading' || m.kind === 'empty-link') context.report({ file: entry.file, offset: m.offset }, REASONS[m.kind]);
    for (const node of extracted.code) {
      if (node.kind === 'jsx' && node.childrenAt === undefined && isContentComponent(node.name) && COMPONENTS_WITH_TEXT.has(node.name))
        context.report({ file: entry.file, offset: node.offset }, EMPTY_COMPONENT[node.name]!);
    }
  }
});
