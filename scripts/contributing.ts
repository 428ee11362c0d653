/**
 * `npm run docs:rules`: rewrites what the docs say about rules from the rule units
 * (src/validation/rules/<group>/<name>/: rule.ts, pass/, fail/, expected.txt): the rules section of
 * CONTRIBUTING.md, whose examples are the checker's own, and the README's table of rules.
 * `--check` only reports whether the committed files are current (exit 1 if not).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { rulesDocs } from '../src/authoring/rules-guide.ts';

const root = path.resolve(import.meta.dirname, '..');
const stale = rulesDocs(root).filter(({ committed, fresh }) => committed !== fresh);
for (const { file, fresh } of stale) {
  const name = path.relative(root, file);
  if (process.argv.includes('--check')) process.stderr.write(`${name}: правила описаны по-старому — выполните npm run docs:rules\n`);
  else {
    writeFileSync(file, fresh);
    process.stdout.write(`${name}: правила обновлены\n`);
  }
}
if (stale.length && process.argv.includes('--check')) process.exit(1);
