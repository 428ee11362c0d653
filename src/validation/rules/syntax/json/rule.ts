import { defineRule } from '../../../rule.ts';

/** Data files are strict JSON: no comments, no trailing commas, no duplicate keys, bounded nesting. The JSON parser (src/analysis/parse-json.ts) finds these while reading files, so there is nothing to run. */
export default defineRule({
  id: 'syntax/json',
  severity: 'error',
  description: 'данные — правильный JSON без повторов свойств',
  foundIn: ['src/analysis/parse-json.ts'],
});
