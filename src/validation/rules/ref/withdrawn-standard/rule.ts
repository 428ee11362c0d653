import { defineRule } from '../../../rule.ts';
import { standardCitations } from '../../../../analysis/resolve.ts';

/** ISO 9001:2008 and other withdrawn editions: the reader should apply the edition that replaced it. */
export default defineRule({ id: 'ref/withdrawn-standard', severity: 'warning', description: 'ссылка не на отменённое издание стандарта' }, (context) => {
  for (const { entry, ref, id } of standardCitations(context)) {
    if (ref.kind !== 'standard' || !id) continue;
    const standard = context.lookup.standards.get(id)?.data;
    if (standard?.status !== 'withdrawn') continue;
    const next = standard.supersededBy ? context.lookup.standards.get(standard.supersededBy)?.data.designation : undefined;
    context.report({ file: entry.file, offset: ref.offset }, `${standard.designation} — отменённое издание${next ? `: ссылайтесь на ${next}` : ''}`);
  }
});
