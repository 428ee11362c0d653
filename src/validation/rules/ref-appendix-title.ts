import { refsOfKind } from '../entries.ts';
import { defineRule } from '../rule.ts';

const normalise = (title: string) => title.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();

/** «Приложение 1 «Руководство…»»: the quoted title is the appendix's own title. */
export default defineRule({ id: 'ref/appendix-title', severity: 'error', description: 'название приложения в кавычках совпадает с настоящим' }, (context) => {
  for (const { doc, entry, ref } of refsOfKind(context, 'appendix')) {
    const appendix = doc.appendices.find((a) => a.data.number === ref.number);
    if (!appendix || ref.title === undefined) continue;
    if (normalise(ref.title) !== normalise(appendix.data.title)) {
      context.report({ file: entry.file, offset: ref.offset }, `название приложения ${ref.number} указано как «${ref.title}», а приложение называется «${appendix.data.title}»: исправьте название`);
    }
  }
});
