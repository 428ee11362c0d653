import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, ruleCatalog, rulesSection, START } from '../../src/authoring/rules-guide.ts';
import { ruleAnchor } from '../../src/validation/reporters/index.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** The authors' guide cannot drift from the checker: its rules section is what the fixtures produce now. */
const guide = readFileSync(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
const committed = guide.slice(guide.indexOf(START), guide.indexOf(END) + END.length);

describe('CONTRIBUTING.md', () => {
  it('rules section equals a fresh generation (run npm run docs:rules after changing rules or fixtures)', () => {
    expect(committed).toBe(rulesSection(path.join(projectRoot, 'test/fixtures/rules')));
  });

  it('has an anchor for every rule, as SARIF help addresses expect', () => {
    for (const { id } of ruleCatalog()) expect(guide).toContain(`<a id="${ruleAnchor(id)}"></a>`);
  });

  it('shows a wrong and a right example with the checker message for each fixture', () => {
    expect(committed).toContain('Аудиты проводятся в соответствии с ПТ-036.');
    expect(committed).toContain('Проверка: «документ ПТ-036 не найден в реестре НД: возможно, имелся в виду ПТ-035;');
    expect(committed).toMatch(/Неверно \(`documents\/pr-001\/editions\/1\.0\.mdx`, строка 7\):\n\n```yaml\neffective: 2024-02-30\n```/);
  });

  it('names every content component', async () => {
    const { CONTENT_COMPONENTS } = await import('../../src/analysis/allowlist.ts');
    for (const name of CONTENT_COMPONENTS) expect(guide).toContain(`| \`${name}\` |`);
  });
});
