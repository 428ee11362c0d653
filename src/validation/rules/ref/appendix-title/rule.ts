import { refsOfKind } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

const normalise = (title: string) =>
  title
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();

/** «Приложение 1 «Руководство…»» (of this document, or «… к ПТ-035» of that one): the quoted title is the appendix's own. */
export default defineRule({ id: 'ref/appendix-title', severity: 'error', description: 'название приложения в кавычках совпадает с настоящим' }, (context) => {
  for (const { doc: citing, entry, ref } of refsOfKind(context, 'appendix')) {
    const doc = ref.document ? context.lookup.documents.get(ref.document) : citing;
    const appendix = doc?.appendices.find((a) => a.data.number === ref.number);
    if (!appendix || ref.title === undefined) continue;
    if (normalise(ref.title) !== normalise(appendix.data.title)) {
      context.report(
        { file: entry.file, offset: ref.offset },
        `название приложения ${ref.number}${doc === citing ? '' : ` к ${doc?.code}`} указано как «${ref.title}», а приложение называется «${appendix.data.title}»: исправьте название`,
      );
    }
  }
});
