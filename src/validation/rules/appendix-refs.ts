import { refsOfKind } from '../entries.ts';
import { defineRule } from '../rule.ts';

const normalise = (title: string) => title.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();

/** «Приложение 3» names an appendix of the same document. */
export const unknownAppendix = defineRule('ref/unknown-appendix', (context) => {
  for (const { doc, entry, ref } of refsOfKind(context, 'appendix')) {
    if (doc.appendices.some((a) => a.data.number === ref.number)) continue;
    const existing = doc.appendices.map((a) => a.data.number).join(', ') || 'нет ни одного';
    context.report({ file: entry.file, offset: ref.offset }, `у документа ${doc.code} нет приложения ${ref.number} (приложения: ${existing}); проверьте номер или добавьте documents/${doc.folder}/appendices/${ref.number}.mdx`);
  }
});

/** «Приложение 1 «Руководство…»»: the quoted title is the appendix's own title. */
export const appendixTitle = defineRule('ref/appendix-title', (context) => {
  for (const { doc, entry, ref } of refsOfKind(context, 'appendix')) {
    const appendix = doc.appendices.find((a) => a.data.number === ref.number);
    if (!appendix || ref.title === undefined) continue;
    if (normalise(ref.title) !== normalise(appendix.data.title)) {
      context.report({ file: entry.file, offset: ref.offset }, `название приложения ${ref.number} указано как «${ref.title}», а приложение называется «${appendix.data.title}»: исправьте название`);
    }
  }
});

export default [unknownAppendix, appendixTitle];
