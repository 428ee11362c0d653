import { describeInvisible, INVISIBLE_RE } from '../../../../lib/invisible.ts';
import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

const INVISIBLE_ALL = new RegExp(INVISIBLE_RE.source, 'gu');

/**
 * An invisible character inside a reference («ПТ‑\u200B035») looks right and splits what search and
 * readers' tools see. The extractor reads prose without them, so the reference still resolves;
 * this rule makes the author delete them before publication.
 */
export default defineRule(
  {
    id: 'ref/invisible-character',
    severity: 'error',
    description: 'в ссылках нет невидимых символов: пробела нулевой ширины, мягкого переноса, знаков направления текста',
  },
  (context) => {
    for (const { entry, extracted } of entries(context)) {
      for (const ref of extracted.refs) {
        for (const { offset, char } of ref.hidden ?? []) {
          context.report(
            { file: entry.file, offset },
            `в ссылке «${ref.raw}» невидимый символ ${describeInvisible(char)}: удалите его — он не виден, но мешает поиску и проверке ссылок`,
          );
        }
      }
    }
    for (const doc of context.corpus.documents) {
      for (const edition of doc.editions) {
        edition.data.references.forEach((reference, index) => {
          for (const [char] of reference.cite.matchAll(INVISIBLE_ALL)) {
            context.report(
              { value: edition, field: ['references', index, 'cite'] },
              `в ссылке «${reference.cite.replace(INVISIBLE_ALL, '')}» невидимый символ ${describeInvisible(char)}: удалите его — он не виден, но мешает поиску и проверке ссылок`,
            );
          }
        });
      }
    }
  },
);
