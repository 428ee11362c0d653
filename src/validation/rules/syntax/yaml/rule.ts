import { defineRule } from '../../../rule.ts';

/** Frontmatter is YAML of the core schema: no duplicate keys, no tags, no tab indentation, bounded nesting and aliases. The frontmatter reader (src/analysis/frontmatter.ts) finds these while reading files, so there is nothing to run. */
export default defineRule({
  id: 'syntax/yaml',
  severity: 'error',
  description: 'свойства (frontmatter) — правильный YAML: без повторов свойств, без тегов, отступы пробелами',
  foundIn: ['src/analysis/frontmatter.ts'],
});
