import { defineRule } from '../rule.ts';

/** Frontmatter and JSON records match their zod shapes (src/schemas). Found by the loader while reading files (src/analysis), so there is nothing to run. */
export default defineRule({ id: 'schema/invalid', severity: 'error', description: 'свойства и данные соответствуют схеме' });
