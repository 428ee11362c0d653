import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audienceSites } from '../../src/site/audience-pages.ts';
import { check } from '../../src/validation/check.ts';
import { CheckSession } from '../../src/validation/session.ts';
import { runCheckCli } from '../helpers/build-site.ts';
import { formatMessages, overlay } from '../helpers/content-root.ts';
import { restrictedCorpus } from '../helpers/restricted-corpus.ts';
import { sampleEdition } from '../helpers/sample-edition.ts';

/**
 * `ref/broken-link` per audience: a link in a text an audience's site publishes must lead to a page
 * (and anchor) of that site. The restricted corpus has the public ПР-900 (its edition 0.9 a trade
 * secret) and the trade-secret ПР-901 (with an appendix, a role and a term); the real audit records are
 * internal. The public ПР-910 links to each of them: pages the internal or trade-secret sites have and
 * the public one does not.
 */
const DATE = '2026-11-26';
const PUBLIC_DOC = 'documents/pr-910/editions/1.0.mdx';
const LINKS = [
  '[порядок](/nd/pr-901/)',
  '[прежняя редакция](/nd/pr-900/0.9/)',
  '[план аудита](/audits/plans/2026-03/)',
  '[роль](/glossary/#role-qxzmarkroleid)',
  '[карточка роли](/glossary/roles/qxzmarkroleid/)',
  // Pages every site has: the public document's section and a role's card (a page type the check learnt from the inventory alone).
  '[публичный порядок](/nd/pr-900/#раздел)',
  '[аудитор](/glossary/roles/auditor/)',
];
const LIVE = LINKS.slice(5);
const publicDoc = (links: string[]) =>
  sampleEdition(
    {
      code: 'ПР-910',
      title: 'Порядок со ссылками',
      sample: 'Документ-образец со ссылками на страницы, которых нет на публичном сайте.',
      goal: 'Проверить ссылки',
      summary: 'Публичный документ-образец.',
    },
    `## Раздел\n\n${links.join('\n\n')}`,
  );
const LINE = (i: number) => 25 + 2 * i;

let root: string;
beforeAll(async () => {
  root = await restrictedCorpus();
  const pr900 = path.join(root, 'documents/pr-900/editions/1.0.mdx');
  await writeFile(pr900, (await readFile(pr900, 'utf8')).replace('Подробный порядок', '## Раздел\n\nПодробный порядок'));
  // A text no built site publishes is checked against the widest level's site.
  const appendix = path.join(root, 'documents/pr-901/appendices/1.mdx');
  await writeFile(appendix, `${await readFile(appendix, 'utf8')}\nСм. [несуществующий](/nd/pr-999/).\n`);
  await overlay(root, { [PUBLIC_DOC]: publicDoc(LINKS) });
}, 60_000);

const linkFindings = async (audiences: string[]) => {
  const result = await check({ root, buildDate: DATE, sites: audienceSites({ audience: audiences[0]!, audiences, buildDate: DATE }) });
  return formatMessages(root, result.messages).filter((line) => line.endsWith('ref/broken-link'));
};
const at = (i: number) => `${PUBLIC_DOC}:${LINE(i)}:1  error  `;
const APPENDIX_MISS =
  'documents/pr-901/appendices/1.mdx:9:5  error  на сайте аудитории «trade-secret» нет страницы «/nd/pr-999/»: документа с адресом /nd/pr-999/ нет; возможно, «/nd/pr-900/»  ref/broken-link';

describe('ref/broken-link per audience', () => {
  it('reports each link dead on the public site, naming the audiences that lack the page', async () => {
    expect(await linkFindings(['public', 'internal'])).toEqual([
      APPENDIX_MISS,
      `${at(0)}на сайтах аудиторий «public», «internal» нет страницы «/nd/pr-901/»: документ ПР-901 этой аудитории не публикуется; возможно, «/nd/pr-900/»  ref/broken-link`,
      `${at(1)}на сайтах аудиторий «public», «internal» нет страницы «/nd/pr-900/0.9/»: у документа ПР-900 нет редакции 0.9; возможно, «/nd/pr-900/1.0/»  ref/broken-link`,
      `${at(2)}на сайте аудитории «public» нет страницы «/audits/plans/2026-03/»; возможно, «/audits/»  ref/broken-link`,
      `${at(3)}на сайтах аудиторий «public», «internal» на странице /glossary/ нет якоря «#role-qxzmarkroleid»  ref/broken-link`,
      `${at(4)}на сайтах аудиторий «public», «internal» нет страницы «/glossary/roles/qxzmarkroleid/»; возможно, «/glossary/»  ref/broken-link`,
    ]);
  });

  it('passes when every site that publishes the text has the pages (the trade-secret site only)', async () => {
    // Only the link that is dead everywhere remains.
    expect(await linkFindings(['trade-secret'])).toEqual([APPENDIX_MISS]);
  });

  it('the language server’s session finds the same, and forgets a link once it is removed', async () => {
    const sites = audienceSites({ audience: 'public', buildDate: DATE });
    const session = await CheckSession.open({ root, buildDate: DATE, sites, cache: 'off', workers: false });
    const links = (run: Awaited<ReturnType<CheckSession['run']>>) =>
      formatMessages(root, run.messages).filter((line) => line.startsWith(PUBLIC_DOC) && line.endsWith('ref/broken-link'));
    expect(await links(await session.run())).toHaveLength(5);
    session.setText(PUBLIC_DOC, publicDoc(LIVE));
    const after = await session.run();
    expect(after.scope).toBe('documents');
    expect(links(after)).toEqual([]);
  });

  it('npm run check checks every audience of nd.config.json', async () => {
    const config = path.join(root, '..', `nd-config-${path.basename(root)}.json`);
    await writeFile(config, JSON.stringify({ contentRoot: root, audiences: ['public', 'internal'] }));
    const result = await runCheckCli(['--date', DATE, '--format', 'json'], { ND_CONFIG: config });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('на сайте аудитории «public» нет страницы «/audits/plans/2026-03/»');
  });
});
