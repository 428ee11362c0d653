import { defineRule } from '../rule.ts';

/** Data files are strict JSON: no comments, no trailing commas, no duplicate keys, bounded nesting. Found by the loader while reading files (src/analysis), so there is nothing to run. */
export default defineRule({ id: 'syntax/json', severity: 'error', description: 'данные — правильный JSON без повторов свойств' });
