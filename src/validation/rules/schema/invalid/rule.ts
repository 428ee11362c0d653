import { defineRule } from '../../../rule.ts';

/** Frontmatter and JSON records match their zod shapes (src/schemas). The loader (src/analysis/load.ts) validates each file as it reads it, so there is nothing to run. */
export default defineRule({
  id: 'schema/invalid',
  severity: 'error',
  description: 'свойства и данные соответствуют схеме',
  foundIn: ['src/analysis/load.ts', 'src/schemas'],
});
