import { defineRule } from '../rule.ts';

/** The body parses as MDX. Found by the loader while reading files (src/analysis), so there is nothing to run. */
export default defineRule({ id: 'syntax/mdx', severity: 'error', description: 'текст — правильный MDX' });
