import { defineRule } from '../../../rule.ts';

/** A file is readable text: strict UTF-8, not empty, no NUL or control characters, at most 5 MB. The reader (src/analysis/source.ts) finds these while reading files and the loader (src/analysis/load.ts) reports them under this id, so there is nothing to run. */
export default defineRule({
  id: 'syntax/file',
  severity: 'error',
  description: 'файл читается: UTF-8, не пустой, не двоичный, не больше 5 МБ',
  foundIn: ['src/analysis/source.ts', 'src/analysis/load.ts'],
});
