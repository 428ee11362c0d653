import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNew, type Asker } from '../../src/authoring/cli.ts';
import { nextVersion } from '../../src/authoring/edition.ts';
import { FILL } from '../../src/authoring/markers.ts';
import { check } from '../../src/validation/check.ts';
import { contentRoot, formatMessages, projectRoot } from '../helpers/content-root.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

/**
 * Scaffolding in a temporary copy of the content, then the check on the result: the only findings
 * are the «ЗАПОЛНИТЬ» fields, one message each; once they are filled the check is clean.
 */
const DATE = '2026-11-26';

async function scaffold(argv: string[], options: { root?: string; ask?: Asker } = {}) {
  const root = options.root ?? (await contentRoot());
  let out = '';
  let err = '';
  const code = await runNew(argv, { root, date: DATE, ask: options.ask, out: (t) => (out += t), err: (t) => (err += t) });
  return { root, code, out, err };
}

async function findings(root: string) {
  const result = await check({ root, buildDate: DATE, sites: internalSites(DATE) });
  return formatMessages(root, result.messages);
}

/** Replaces markers the way an author would: the quoted «ЗАПОЛНИТЬ: …» value by a real one. */
async function fill(file: string, values: Partial<Record<keyof typeof FILL, string>>) {
  let text = await readFile(file, 'utf8');
  for (const [key, value] of Object.entries(values)) text = text.replace(`"${FILL[key as keyof typeof FILL]}"`, value);
  await writeFile(file, text);
}

const EDITION_FIELDS = (file: string, first: number) => [
  `${file}:${first}:11  error  свойство «approved»: поле не заполнено: дата утверждения, ГГГГ-ММ-ДД  schema/invalid`,
  `${file}:${first + 1}:12  error  свойство «effective»: поле не заполнено: дата введения в действие, ГГГГ-ММ-ДД  schema/invalid`,
  `${file}:${first + 2}:6  error  свойство «act»: поле не заполнено: приказ или другой акт, которым утверждена редакция  schema/invalid`,
];

describe('npm run new document', () => {
  it('writes edition 1.0 whose only findings are the fields to fill', async () => {
    const { root, code, out } = await scaffold(['document', 'ПР-012', '--title', 'Порядок управления документацией', '--unit', 'dkko']);
    expect(code).toBe(0);
    expect(out).toContain('documents/pr-012/editions/1.0.mdx');
    const file = 'documents/pr-012/editions/1.0.mdx';
    expect(await findings(root)).toEqual([
      ...EDITION_FIELDS(file, 6),
      `${file}:10:9  error  свойство «access»: поле не заполнено: уровень доступа из registries/access-levels.json  schema/invalid`,
      `${file}:13:7  error  свойство «passport.goals[0]»: поле не заполнено: цель документа  schema/invalid`,
      `${file}:14:12  error  свойство «passport.summary»: поле не заполнено: краткое описание документа  schema/invalid`,
      `${file}:20:13  error  свойство «passport.scope[0].name»: поле не заполнено: подразделение, должность или роль, к которым применяется документ  schema/invalid`,
    ]);
    const text = await readFile(path.join(root, file), 'utf8');
    // Self-describing components take the document they are in: nothing to forget when copying.
    expect(text).toContain('<RolesTable />');
    expect(text).toContain('<NormativeReferences />');
    await fill(path.join(root, file), {
      approved: '2026-11-01',
      effective: '2026-12-01',
      act: 'Приказ № 12',
      access: 'internal',
      goal: 'Установить порядок',
      summary: 'Описание.',
      scope: 'Все сотрудники',
    });
    expect(await findings(root)).toEqual([]);
  });

  it('accepts a given access level and a code typed with a space', async () => {
    const { root, code } = await scaffold(['document', 'пр 12', '--title', 'Т', '--unit', 'dkko', '--access', 'public']);
    expect(code).toBe(0);
    const text = await readFile(path.join(root, 'documents/pr-12/editions/1.0.mdx'), 'utf8');
    expect(text).toMatch(/^code: ПР-12$/m);
    expect(text).toMatch(/^access: public$/m);
  });

  it.each([
    [['document', 'PR-012', '--title', 'Т', '--unit', 'dkko'], 'код «PR-012» набран латиницей: напишите ПР-012 кириллицей'],
    [
      ['document', 'ХХ-001', '--title', 'Т', '--unit', 'dkko'],
      'вид документа «ХХ» не найден в registries/document-types.json; известные: ПТ, ПЛ, ПР, РГ, РК, СК, ИН',
    ],
    [['document', 'ПР-012', '--title', 'Т', '--unit', 'dkk0'], 'подразделение «dkk0» не найдено в registries/units.json'],
    [['document', 'ПР-012', '--title', 'Т', '--unit', 'dkko', '--access', 'secret'], 'уровень доступа «secret» не найден'],
    [['document', 'ПР-012'], 'не хватает параметров: --title, --unit'],
    [
      ['document', 'ИН-004', '--title', 'Инструкция по охране труда', '--unit', 'dkko'],
      'наименование начинается с вида документа «Инструкция»: вид портал показывает сам по коду — напишите «По охране труда»',
    ],
    [['document', 'ПР-012', '--title', 'Процедура. Порядок обучения', '--unit', 'dkko'], 'напишите «Порядок обучения»'],
    [['edition'], 'не хватает параметров: код документа'],
    [['edition', 'ПТ-999'], 'документ «ПТ-999» не найден в content/documents/; есть: ПТ-035'],
    [['chapter', 'ПТ-035'], 'неизвестный вид «chapter»'],
  ])('%j → exit 2 with the reason', async (argv, reason) => {
    const { code, err } = await scaffold(argv);
    expect(code).toBe(2);
    expect(err).toContain(reason);
  });

  it('in a terminal, asks again for a title that starts with the type word', async () => {
    const refusals: Array<string | undefined> = [];
    const ask: Asker = {
      text: async (message, _placeholder, validate) => {
        if (message.startsWith('Код')) return 'ИН-004';
        refusals.push(validate?.('Инструкция по охране труда'), validate?.('По охране труда'));
        return 'По охране труда';
      },
      select: async (_message, options) => options[0]?.value,
    };
    const { root, code } = await scaffold([], { ask });
    expect(code).toBe(0);
    expect(refusals[0]).toContain('вид портал показывает сам по коду — напишите «По охране труда»');
    expect(refusals[1]).toBeUndefined();
    expect(await readFile(path.join(root, 'documents/in-004/editions/1.0.mdx'), 'utf8')).toMatch(/^title: По охране труда$/m);
  });

  it('refuses an existing document with exit 1', async () => {
    const { code, err } = await scaffold(['document', 'ПТ-035', '--title', 'Т', '--unit', 'dkko']);
    expect(code).toBe(1);
    expect(err).toContain('документ ПТ-035 уже есть (documents/pt-035/): новую редакцию создаёт «npm run new -- edition ПТ-035»');
  });
});

describe('npm run new edition', () => {
  it('starts 1.1 from the edition in force; only the approval fields are to fill', async () => {
    const { root, code, out } = await scaffold(['edition', 'ПТ-035']);
    expect(code).toBe(0);
    expect(out).toContain(`текст взят из действующей на ${DATE} редакции 1.0`);
    const file = 'documents/pt-035/editions/1.1.mdx';
    expect(await findings(root)).toEqual([
      ...EDITION_FIELDS(file, 6),
      `${file}:10:13  error  свойство «approvedBy.position»: поле не заполнено: должность утвердившего, например «Президент ПАО «МТС»»  schema/invalid`,
      `${file}:11:10  error  свойство «changes»: поле не заполнено: что изменилось по сравнению с предыдущей редакцией  schema/invalid`,
    ]);
    const [current, next] = await Promise.all(['1.0', '1.1'].map((v) => readFile(path.join(root, `documents/pt-035/editions/${v}.mdx`), 'utf8')));
    const body = (t: string) => t.slice(t.indexOf('\n---\n'));
    expect(body(next!)).toBe(body(current!));
    expect(next).toMatch(/^version: "1\.1"\nstatus: проект$/m);
    await fill(path.join(root, file), {
      approved: '2026-12-01',
      effective: '2027-01-01',
      act: 'Приказ № 2',
      approvedBy: 'Президент ПАО «МТС»',
      changes: 'Уточнены цели.',
    });
    expect(await findings(root)).toEqual([]);
  });

  it('--major proposes 2.0; a second run proposes the next free number', async () => {
    const root = await contentRoot();
    expect((await scaffold(['edition', 'ПТ-035', '--major'], { root })).out).toContain('editions/2.0.mdx');
    expect(nextVersion(['1.0', '2.0'], false)).toBe('2.1');
    expect(nextVersion(['1.9', '1.10'], false)).toBe('1.11');
  });

  it('never overwrites: an existing file is refused with exit 1 and left as it was', async () => {
    const root = await contentRoot({ 'documents/pt-035/editions/1.1.mdx': 'черновик автора' });
    const { code, err } = await scaffold(['edition', 'ПТ-035', '--version', '1.1'], { root });
    expect(code).toBe(1);
    expect(err).toContain('файл documents/pt-035/editions/1.1.mdx уже есть и не будет перезаписан');
    expect(await readFile(path.join(root, 'documents/pt-035/editions/1.1.mdx'), 'utf8')).toBe('черновик автора');
  });
});

describe('npm run new appendix', () => {
  it('takes the next number and passes the check at once', async () => {
    const { root, code } = await scaffold(['appendix', 'ПТ-035', '--title', 'Форма листа ознакомления']);
    expect(code).toBe(0);
    expect(await readFile(path.join(root, 'documents/pt-035/appendices/4.mdx'), 'utf8')).toMatch(/^---\nnumber: 4\ntitle: Форма листа ознакомления\n---\n/);
    expect(await findings(root)).toEqual([]);
  });
});

describe('questions in a terminal', () => {
  it('asks for what the flags leave out, offering the registries', async () => {
    const asked: string[] = [];
    const answers: Record<string, string> = {
      'Что создать?': 'document',
      'Код нового документа': 'ПР-020',
      'Ответственное подразделение': 'dkko',
      'Уровень доступа': 'internal',
    };
    const ask: Asker = {
      text: async (message) => (asked.push(message), answers[message] ?? 'Порядок обучения'),
      select: async (message, options) => {
        asked.push(message);
        expect(options.map((o) => o.value)).toContain(answers[message]);
        return answers[message];
      },
    };
    const { root, code } = await scaffold([], { ask });
    expect(code).toBe(0);
    expect(asked).toEqual([
      'Что создать?',
      'Код нового документа',
      expect.stringMatching(/^Наименование документа/),
      'Ответственное подразделение',
      'Уровень доступа',
    ]);
    expect(await readFile(path.join(root, 'documents/pr-020/editions/1.0.mdx'), 'utf8')).toMatch(/^title: Порядок обучения$/m);
  });

  it('a cancelled question creates nothing', async () => {
    const ask: Asker = { text: async () => undefined, select: async (message) => (message === 'Что создать?' ? 'appendix' : 'ПТ-035') };
    const { code, err } = await scaffold([], { ask });
    expect(code).toBe(2);
    expect(err).toContain('Отменено: ничего не создано.');
  });
});

describe('scripts/new.ts without a terminal', () => {
  it('names the missing flags in Russian and exits 2', () => {
    const run = spawnSync(process.execPath, ['scripts/new.ts', 'appendix', 'ПТ-035'], { cwd: projectRoot, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('не хватает параметров: --title.');
    expect(run.stdout).toBe('');
  });
});
