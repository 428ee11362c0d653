import { defineRule } from '../../../rule.ts';

/** The body parses as MDX. The parser (src/analysis/parse.ts) finds this while reading files, so there is nothing to run. */
export default defineRule({ id: 'syntax/mdx', severity: 'error', description: 'текст — правильный MDX', foundIn: ['src/analysis/parse.ts'] });
