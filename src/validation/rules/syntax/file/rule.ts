import { defineRule } from '../../../rule.ts';

/** A file is readable text: strict UTF-8, not empty, no NUL or control characters, at most 5 MB. The reader (src/model/source.ts) finds these while reading files and the loader (src/model/corpus.ts) reports them under this id, so there is nothing to run. */
export default defineRule({
  id: 'syntax/file',
  severity: 'error',
  description: 'файл читается: UTF-8, не пустой, не двоичный, не больше 5 МБ',
  foundIn: ['src/model/source.ts', 'src/model/corpus.ts'],
});
