import { describe, expect, it } from 'vitest';
import { runNew } from '../../src/authoring/cli.ts';
import { ImportError } from '../../src/import/errors.ts';
import { readHtml } from '../../src/import/read-html.ts';
import { tooDeepMdx } from '../../src/analysis/nesting.ts';
import { check } from '../../src/validation/check.ts';
import { contentRoot, formatMessages } from '../helpers/content-root.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

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
