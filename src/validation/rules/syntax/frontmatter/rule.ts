import { defineRule } from '../../../rule.ts';

/** An MDX file starts with a `---` frontmatter block. The parser (src/analysis/parse.ts) finds this while reading files, so there is nothing to run. */
export default defineRule({ id: 'syntax/frontmatter', severity: 'error', description: 'у MDX-файла есть блок свойств', foundIn: ['src/analysis/parse.ts'] });
