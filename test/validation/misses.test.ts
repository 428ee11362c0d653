import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNew } from '../../src/authoring/cli.ts';
import { ImportError } from '../../src/import/errors.ts';
import { readHtml } from '../../src/import/read-html.ts';
import { tooDeepMdx } from '../../src/analysis/nesting.ts';
import { check } from '../../src/validation/check.ts';
import { contentRoot, formatMessages, projectRoot } from '../helpers/content-root.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';
import { windows1251 } from '../helpers/windows-1251.ts';

/** Misses of issue 20 that are not one rule's fixture pair: cascades and the importer. */
const DATE = '2026-11-26';

describe('no cascade from an unfinished edition', () => {
  it('a new document with an appendix gets its «ЗАПОЛНИТЬ» findings, not «нет ни одной редакции»', async () => {
    const root = await contentRoot();
    const io = { root, date: DATE, out: () => {}, err: () => {} };
    expect(await runNew(['document', 'ПР-012', '--title', 'Порядок управления документацией', '--unit', 'dkko'], io)).toBe(0);
    expect(await runNew(['appendix', 'ПР-012', '--title', 'Форма журнала'], io)).toBe(0);
    const lines = formatMessages(root, (await check({ root, buildDate: DATE, sites: internalSites(DATE) })).messages);
    expect(lines.some((line) => line.includes('поле не заполнено'))).toBe(true);
    expect(lines.filter((line) => line.endsWith('doc/no-edition'))).toEqual([]);
  });
});

describe('deep nesting is refused before any parser recurses', () => {
  it.each([
    ['lists', `${'- '.repeat(5000)}x`],
    ['blockquotes', `${'> '.repeat(5000)}x`],
    ['JSX elements', `${'<Note>'.repeat(5000)}x${'</Note>'.repeat(5000)}`],
  ])('MDX: %s', (_kind, text) => {
    expect(tooDeepMdx(`Текст.\n\n${text}\n`)).toBeGreaterThan(0);
  });

  it('MDX: ordinary nesting, tags in code fences and inline tags pass', () => {
    const text = '- a\n  - b\n    - c\n\n> q\n> > qq\n\n```\n' + '<A>'.repeat(100) + '\n```\n\n<Note>текст <Role id="auditor" /></Note>\n';
    expect(tooDeepMdx(text)).toBeUndefined();
  });

  it('import: an HTML page with 5000 nested lists is an import error with its line, not a stack overflow', () => {
    const html = `<html><body>\n<p>ПОЛОЖЕНИЕ</p>\n${'<ul><li>'.repeat(5000)}x${'</li></ul>'.repeat(5000)}</body></html>`;
    expect(() => readHtml(html)).toThrow(ImportError);
    expect(() => readHtml(html)).toThrow(/^в строке 3: слишком глубокая вложенность/);
  });
});

describe('no cascade from a file that cannot be read: a document’s editions, a registry', () => {
  const checked = async (files: Record<string, string | Uint8Array | null>) => {
    const root = await contentRoot(files);
    return formatMessages(root, (await check({ root, buildDate: DATE, sites: internalSites(DATE) })).messages).filter((line) => line.includes('  error  '));
  };
  const policy = readFileSync(path.join(projectRoot, 'content/documents/pt-035/editions/1.0.mdx'), 'utf8');

  it('a quote left open in ПТ-035’s properties is one error, not one at every page that cites ПТ-035', async () => {
    const broken = policy.replace(/^title: (.*)$/m, 'title: "$1');
    const lines = await checked({ 'documents/pt-035/editions/1.0.mdx': broken });
    expect(lines.map((line) => line.split(/\s+/).at(-1))).toEqual(['syntax/yaml']);
  });

  it('a quote left open in an appendix’s properties is one error, not one at every «Приложение 1» that cites it', async () => {
    const appendix = readFileSync(path.join(projectRoot, 'content/documents/pt-035/appendices/1.mdx'), 'utf8');
    const lines = await checked({ 'documents/pt-035/appendices/1.mdx': appendix.replace(/^title: (.*)$/m, 'title: "$1') });
    expect(lines.map((line) => line.split(/\s+/).at(-1))).toEqual(['syntax/yaml']);
  });

  it('a file saved in windows-1251 is one error: the encoding, at its first wrong byte', async () => {
    const lines = await checked({ 'documents/pt-035/editions/1.0.mdx': windows1251(policy) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/documents\/pt-035\/editions\/1\.0\.mdx:2:\d+ +error +файл не в кодировке UTF-8/);
  });

  it.each([
    'registries/units',
    'registries/roles',
    'registries/terms',
    'registries/access-levels',
    'registries/document-types',
    'standards/iso-9001-2015',
    'audits/2026/program',
    'audits/2026/reports/2026-03',
  ])('a comma too many in %s.json is one error, not one at every reference into it', async (name) => {
    const file = `${name}.json`;
    const text = readFileSync(path.join(projectRoot, 'content', file), 'utf8');
    const at = text.indexOf('"', text.indexOf('{') + 1);
    const lines = await checked({ [file]: `${text.slice(0, at)},${text.slice(at)}` });
    expect(lines.map((line) => line.split(/\s+/).at(-1))).toEqual(['syntax/json']);
  });

  it.each([
    ['documents/pt-035/editions/1.0.mdx', 'documents/pt-035/editions/1.0.MDX', ' (в именах папок и файлов — строчные буквы)'],
    ['documents/pt-035/editions/1.0.mdx', 'documents/pt-035/Editions/1.0.mdx', ' (в именах папок и файлов — строчные буквы)'],
    ['documents/pt-035/editions/1.0.mdx', 'documents/pt-035/editions/1.0.mdx.txt', ''],
    ['documents/pt-035/appendices/1.mdx', 'documents/pt-035/appendices/1.md', ''],
    ['registries/units.json', 'registries/Units.json', ' (в именах папок и файлов — строчные буквы)'],
    ['standards/iso-9001-2015.json', 'standards/ISO-9001-2015.json', ' (в именах папок и файлов — строчные буквы)'],
    ['audits/2026/program.json', 'audits/2026/program.JSON', ' (в именах папок и файлов — строчные буквы)'],
  ])('%s saved as %s is one error naming the name it must have, not one at every reference into it', async (meant, written, caseNote) => {
    const lines = await checked({ [meant]: null, [written]: readFileSync(path.join(projectRoot, 'content', meant)) });
    expect(lines).toEqual([
      `${written}:1:1  error  файл «${written}» не будет опубликован: сборка читает только «${meant}» — переименуйте файл так${caseNote}  content/unknown-file`,
    ]);
  });

  it('a document that is not there at all still leaves every reference to it dangling', async () => {
    const lines = await checked({ 'documents/pt-035': null });
    expect(lines.filter((line) => line.endsWith('ref/unknown-code')).length).toBeGreaterThan(10);
    expect(lines.filter((line) => line.endsWith('registry/role-defined-once')).length).toBeGreaterThan(5);
  });
});

describe('no cascade from a circle in the units’ hierarchy', () => {
  it('the head unit given a parent below it is one error at the first unit of the circle, not one per member and per audit', async () => {
    const units = JSON.parse(readFileSync(path.join(projectRoot, 'content/registries/units.json'), 'utf8')) as {
      items: { id: string; parent: string | null }[];
    };
    units.items.find((unit) => unit.id === 'kc')!.parent = 'dkko';
    const root = await contentRoot({ 'registries/units.json': JSON.stringify(units, null, 2) });
    const lines = formatMessages(root, (await check({ root, buildDate: DATE, sites: internalSites(DATE) })).messages).filter((line) =>
      line.includes('  error  '),
    );
    expect(lines).toEqual([
      'registries/units.json:7:7  error  подчинение замыкается в круг: kc → dkko → marketing → kc; у головного подразделения вышестоящего нет — запишите ему parent: null  registry/unknown-parent',
    ]);
  });
});
