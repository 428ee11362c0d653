import { defineRule } from '../rule.ts';

/** Every file under the content root is of a known kind (model/file-kinds.ts); nothing is dropped silently. Found by the loader while reading files (src/analysis), so there is nothing to run. */
export default defineRule({ id: 'content/unknown-file', severity: 'error', description: 'каждый файл лежит там, где его найдёт сборка' });
