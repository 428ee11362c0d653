/**
 * `npm run docs:rules`: rewrites the rules section of CONTRIBUTING.md from the rule list and the rule
 * fixtures (test/fixtures/rules/<rule>/{fail,pass}, expected.txt), so the guide's examples are the
 * checker's own. `--check` only reports whether the committed section is current (exit 1 if not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rulesSection, withRulesSection } from '../src/authoring/rules-guide.ts';

const root = path.resolve(import.meta.dirname, '..');
const guidePath = path.join(root, 'CONTRIBUTING.md');
const guide = readFileSync(guidePath, 'utf8');
const fresh = withRulesSection(guide, rulesSection(path.join(root, 'test/fixtures/rules')));
if (process.argv.includes('--check')) {
  if (fresh !== guide) {
    process.stderr.write('CONTRIBUTING.md: раздел правил устарел — выполните npm run docs:rules\n');
    process.exit(1);
  }
} else if (fresh !== guide) {
  writeFileSync(guidePath, fresh);
  process.stdout.write('CONTRIBUTING.md: раздел правил обновлён\n');
}
