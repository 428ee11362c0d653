import { defineRule } from '../../../rule.ts';

/** Every file under the content root is of a known kind (src/model/file-kinds.ts); nothing is dropped silently. The loader (src/analysis/load.ts) finds these while listing files, so there is nothing to run. */
export default defineRule({ id: 'content/unknown-file', severity: 'error', description: 'каждый файл лежит там, где его найдёт сборка', foundIn: ['src/analysis/load.ts', 'src/model/file-kinds.ts'] });
