import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, ruleCatalog, rulesDocs, START } from '../../src/authoring/rules-guide.ts';
import { ruleAnchor } from '../../src/validation/reporters/index.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** The authors' guide and the README cannot drift from the checker: what they say about rules is what the rule units produce now. */
const guide = readFileSync(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
const committed = guide.slice(guide.indexOf(START), guide.indexOf(END) + END.length);

describe('README.md and CONTRIBUTING.md', () => {
  it.each(rulesDocs(projectRoot).map((doc) => [path.relative(projectRoot, doc.file), doc] as const))(
    '%s says what the rule units say now',
    (name, { committed, fresh }) => {
      expect(committed.split('\n'), `${name} отстал от правил: выполните npm run docs:rules`).toEqual(fresh.split('\n'));
    },
  );
});

describe('CONTRIBUTING.md', () => {
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
