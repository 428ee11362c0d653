import { defineRule } from '../../../rule.ts';

/** An MDX file starts with a `---` frontmatter block. The frontmatter reader (src/analysis/frontmatter.ts) finds this while reading files, so there is nothing to run. */
export default defineRule({
  id: 'syntax/frontmatter',
  severity: 'error',
  description: 'у MDX-файла есть блок свойств',
  foundIn: ['src/analysis/frontmatter.ts'],
});
