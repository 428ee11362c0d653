import { defineRule } from '../rule.ts';

/** An MDX file starts with a `---` frontmatter block. Found by the loader while reading files (src/analysis), so there is nothing to run. */
export default defineRule({ id: 'syntax/frontmatter', severity: 'error', description: 'у MDX-файла есть блок свойств' });
