import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { contentRoot } from '../helpers/content-root.ts';
import { pageText } from '../helpers/html.ts';

/**
 * Document control (issue 13) on a fixture site built twice from one Git commit, at a fixed date: ПР-941
 * has a new edition 2.0 since ПР-942 (1.0) was approved, so the reference is suspect; ПР-943 is overdue
 * for review (24 months of «Процедура»); the content root is a Git repository of two commits with
 * fixed dates, so the edition pages show «История изменений файла» and both builds are byte-identical.
 */
const BUILD_DATE = '2025-03-01';
let root: string;
let first: BuildResult;
let second: BuildResult;
const page = (rel: string) => readFile(path.join(first.outDir, rel), 'utf8');

const git = (args: string[], date: string) =>
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-C', root, ...args], {
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Автор Примеров',
      GIT_AUTHOR_EMAIL: 'author@example.ru',
      GIT_COMMITTER_NAME: 'Автор Примеров',
      GIT_COMMITTER_EMAIL: 'author@example.ru',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
    encoding: 'utf8',
  }).trim();

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  root = await contentRoot();
  const fixture = path.join(import.meta.dirname, 'fixtures/control/documents');
  await cp(path.join(fixture, 'pr-941/editions/1.0.mdx'), path.join(root, 'documents/pr-941/editions/1.0.mdx'));
  await cp(path.join(fixture, 'pr-943'), path.join(root, 'documents/pr-943'), { recursive: true });
  git(['init', '-q', '-b', 'main'], '2025-01-15T10:00:00+03:00');
  git(['add', '-A'], '2025-01-15T10:00:00+03:00');
  git(['commit', '-q', '-m', 'Реестр и ПР-941 1.0'], '2025-01-15T10:00:00+03:00');
  await cp(fixture, path.join(root, 'documents'), { recursive: true });
  git(['add', '-A'], '2025-02-20T12:30:00+03:00');
  git(['commit', '-q', '-m', 'ПР-941 2.0: согласование в ЭДО (!12)'], '2025-02-20T12:30:00+03:00');
  [first, second] = [await buildSite({ root, date: BUILD_DATE }), await buildSite({ root, date: BUILD_DATE })];
}, 600_000);

describe('a build with suspect references and overdue reviews', () => {
  it('succeeds and reports them as warnings', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('ref/suspect');
    expect(first.stdout).toContain('edition/review-overdue');
  });

  it('lists the suspect pair on «Требуют пересмотра» with both editions, the change and the fix', async () => {
    const html = await page('nd/review/index.html');
    const rows = [...html.matchAll(/<tr data-citing="([^"]+)" data-cited="([^"]+)"/g)].map((m) => `${m[1]}→${m[2]}`);
    expect(rows).toEqual(['ПР-942→ПР-941']);
    const text = pageText(html);
    expect(text).toContain('ПР-942, редакция 1.0');
    expect(text).toContain('1.0 (действовала на дату утверждения)');
    expect(text).toContain('2.0 с 1 января 2025 г.');
    expect(text).toContain('Согласование перенесено в электронный документооборот.');
    expect(text).toContain('reviewedAgainst: { ПР-941: "2.0" }');
    expect([...html.matchAll(/<tr data-code="([^"]+)" data-review="([a-z]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['ПР-943 overdue']);
  });

  it('shows a quiet note on the citing page', async () => {
    const text = pageText(/<aside[^>]*data-suspects[\s\S]*?<\/aside>/.exec(await page('nd/pr-942/index.html'))?.[0] ?? '');
    expect(text).toBe(
      'После утверждения этой редакции изменился документ ПР-941: при утверждении действовала его редакция 1.0, а с 1 января 2025 г. действует редакция 2.0. Требуют пересмотра',
    );
  });

  it('shows «Пересмотр до» in the registry, with a filter for overdue documents', async () => {
    const html = await page('nd/index.html');
    expect(html).toContain('<option value="overdue">просрочен (1)</option>');
    expect(html).toMatch(/<tr [^>]*data-code="ПР-943"[^>]*data-review="overdue" data-review-by="2024-06-01"/);
    expect(html).toMatch(/<tr [^>]*data-code="ПР-941"[^>]*data-review="ok" data-review-by="2026-12-10"/);
    expect(html).toMatch(/<tr [^>]*data-code="ПТ-035"[^>]*data-review-by="2027-04-01"/);
  });

  it('gives «На дату» each edition’s review date, judged with the same function', async () => {
    const html = await page('nd/as-of/index.html');
    expect(html).toContain('&quot;reviewBy&quot;:&quot;2024-06-01&quot;');
    expect(pageText(html)).toContain('1 июня 2024 г. — просрочен');
  });
});

describe('approval and change evidence from Git', () => {
  it('shows who approved the edition and by which act', async () => {
    expect(pageText(await page('nd/pr-941/index.html'))).toContain('Приказ № 7 (пример); утвердил: Директор департамента качества И. И. Примеров');
  });

  it('lists the commits that changed the edition file, newest first, with links built from repository.url', async () => {
    const hashes = git(['log', '--format=%H'], '2025-02-20T12:30:00+03:00').split('\n');
    const section = (html: string) => /<section[^>]*data-file-history[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const one = section(await page('nd/pr-941/1.0/index.html'));
    expect([...one.matchAll(/data-commit="([0-9a-f]+)"/g)].map((m) => m[1])).toEqual([hashes[1]]);
    expect(pageText(one)).toContain('Реестр и ПР-941 1.0');
    expect(one).toContain(`href="https://git.example.ru/quality/normative-documents/-/commit/${hashes[1]}"`);
    const two = section(await page('nd/pr-941/index.html'));
    expect([...two.matchAll(/data-commit="([0-9a-f]+)"/g)].map((m) => m[1])).toEqual([hashes[0]]);
    expect(pageText(two)).toContain('20 февраля 2025 г. Автор Примеров ПР-941 2.0: согласование в ЭДО (!12)');
  });

  it('two builds of one commit are byte-identical', async () => {
    const names = await files(first.outDir);
    expect(names).toEqual(await files(second.outDir));
    const differ: string[] = [];
    for (const name of names) {
      const [a, b] = await Promise.all([readFile(path.join(first.outDir, name)), readFile(path.join(second.outDir, name))]);
      if (!a.equals(b)) differ.push(name);
    }
    expect(differ).toEqual([]);
  });
});

describe('the clause-to-evidence matrix of ISO 9001:2015', () => {
  /** A minimal CSV reader for `;`-separated cells with "…" quoting: enough to prove the file parses as written. */
  const parseCsv = (text: string) => {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ';') (row.push(cell), (cell = ''));
      else if (ch === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
      else cell += ch;
    }
    return rows;
  };

  it('has a CSV for Excel: UTF-8 with BOM, one row per clause of the catalog, audits and actions included', async () => {
    const bytes = await readFile(path.join(first.outDir, 'coverage.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    const catalog = JSON.parse(await readFile(path.join(root, 'standards/iso-9001-2015.json'), 'utf8')) as { clauses: { number: string }[] };
    expect(rows[0]).toEqual([
      'Пункт',
      'Наименование',
      'Документы',
      'Требования стандартов качества',
      'Аудиты программы',
      'Находки',
      'Открытые мероприятия',
      'Просроченные мероприятия',
      'Не охвачен',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(catalog.clauses.map((c) => c.number));
    const byClause = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byClause.get('9.2')?.[2]).toBe('ПТ-035');
    expect(byClause.get('8.2.1')?.[5]).toBe('2026-03 № 1, 2026-04 № 1, 2026-04 № 4');
    expect(rows.slice(1).every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('lists every clause on the page, marks the uncovered ones, and agrees with the JSON', async () => {
    const html = await page('coverage/index.html');
    const json = JSON.parse(await page('coverage.json')) as { rows: { clause: string; uncovered: boolean; documents: string[] }[] };
    const clauses = [...html.matchAll(/<tr id="clause-[^"]+" data-clause="([^"]+)"( data-uncovered)?/g)];
    expect(clauses.map((m) => m[1])).toEqual(json.rows.map((r) => r.clause));
    expect(clauses.filter((m) => m[2]).map((m) => m[1])).toEqual(json.rows.filter((r) => r.uncovered).map((r) => r.clause));
    expect(json.rows.find((r) => r.clause === '7.5')?.documents).toEqual(['ПТ-035']);
    expect(html).toContain('href="/coverage.csv"');
  });

  it('shows the same row at each clause anchor of the standard page («Где применяется»)', async () => {
    const html = await page('standards/iso-9001-2015/index.html');
    const row = /<tr id="clause-9\.2"[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(pageText(row)).toContain('документы: ПТ-035');
    expect(row).toContain('href="/coverage/#clause-9.2"');
  });
});

describe('documents of external origin', () => {
  it('/standards/ shows the holder, the place and the dates of the licensed copy to the internal audience', async () => {
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*?ISO 9001:2015(?:(?!<\/tr>)[\s\S])*?<\/tr>/.exec(await page('standards/index.html'))?.[0] ?? '';
    expect(pageText(row)).toContain(
      'Департамент качества и клиентского опыта Электронная библиотека стандартов, папка «ISO» (пример) 31 декабря 2027 г. 30 июня 2027 г.',
    );
  });
});
