import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, realContent } from '../helpers/content-root.ts';
import { sampleEdition } from '../helpers/sample-edition.ts';

/**
 * `npm run report -- --base <ref>` over a Git repository made here: commit 1 holds the real content;
 * commit 2 adds a document ПР-920 with an edition in force and one announced, edits Appendix 3 of
 * ПТ-035, and leaves a broken reference (ПТ-053) in the working tree.
 */
const DATE = '2026-11-26';
let repo = '';
let markdown = '';

const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Автор',
      GIT_AUTHOR_EMAIL: 'a@example.ru',
      GIT_COMMITTER_NAME: 'Автор',
      GIT_COMMITTER_EMAIL: 'a@example.ru',
      GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z',
    },
  });

const edition = (version: string, approved: string, effective: string, body: string) =>
  sampleEdition(
    {
      code: 'ПР-920',
      title: 'Порядок отчёта о запросе на слияние',
      version,
      approved,
      effective,
      changes: `Редакция ${version}.`,
      sample: 'Документ-образец для отчёта о запросе на слияние.',
      goal: 'Проверить отчёт',
      summary: 'Образец.',
    },
    body,
  );

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'nd-report-repo-'));
  cpSync(realContent, path.join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Содержимое портала');
  const docDir = path.join(repo, 'content/documents/pr-920/editions');
  cpSync(realContent, path.join(repo, 'content'), { recursive: true });
  execFileSync('mkdir', ['-p', docDir]);
  writeFileSync(path.join(docDir, '1.0.mdx'), edition('1.0', '2026-01-10', '2026-02-01', 'Порядок следует ПТ-035.'));
  writeFileSync(path.join(docDir, '2.0.mdx'), edition('2.0', '2026-11-10', '2027-01-01', 'Новая редакция следует ПТ-035.'));
  const appendix = path.join(repo, 'content/documents/pt-035/appendices/3.mdx');
  writeFileSync(appendix, `${readFileSync(appendix, 'utf8').trimEnd()}\n\nДобавленный абзац о шаблонах.\n`);
  git('add', '-A');
  git('commit', '-q', '-m', 'ПР-920 и правка Приложения 3');
  writeFileSync(path.join(docDir, '2.0.mdx'), edition('2.0', '2026-11-10', '2027-01-01', 'Новая редакция следует ПТ-053.'));
  const run = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'scripts/report.ts'), '--base', 'HEAD~1', '--root', path.join(repo, 'content'), '--date', DATE],
    { cwd: projectRoot, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  markdown = run.stdout;
});

describe('npm run report', () => {
  it('lists the documents and editions added and changed', () => {
    expect(markdown).toContain('- добавлен ПР-920');
    expect(markdown).toContain('- изменён ПТ-035');
    expect(markdown).toContain('- добавлена ПР-920 1.0');
    expect(markdown).toContain('- добавлена ПР-920 2.0');
  });

  it('names the editions whose state changes at the build date', () => {
    expect(markdown).toContain('- ПР-920 1.0: нет → Действует');
    expect(markdown).toContain('- ПР-920 2.0: нет → Вступает в силу');
  });

  it('shows the new finding with its file and rule, and that the build would stop', () => {
    expect(markdown).toMatch(/- новая: documents\/pr-920\/editions\/2\.0\.mdx:23:24 — .*ПТ-053.* \(ref\/unknown-code\)/);
    expect(markdown).toContain('**Ошибок проверки: 1 — сборка остановится.**');
  });

  it('lists the portal pages that change or appear', () => {
    expect(markdown).toContain('- новая /nd/pr-920/');
    expect(markdown).toContain('- новая /nd/pr-920/2.0/');
    expect(markdown).toContain('- изменится /nd/pt-035/appendices/3/');
    // From the page inventory: the «что изменилось» page of the new edition, and the pages that list documents.
    expect(markdown).toContain('- новая /nd/pr-920/2.0/changes/');
    expect(markdown).toContain('- изменится /nd/');
    expect(markdown).toContain('- изменится /sitemap.xml');
    expect(markdown).not.toContain('изменится /nd/pt-035/1.0/\n- изменится /nd/pt-035/1.0/');
  });

  it('names only the documents whose own files changed, not those another document cites', () => {
    // Against the last commit only ПР-920 differs: its edition in force no longer cites ПТ-035, so ПТ-035's
    // pages lose it from «citing documents» — the document ПТ-035 itself is unchanged.
    const file = path.join(repo, 'content/documents/pr-920/editions/1.0.mdx');
    const was = readFileSync(file, 'utf8');
    writeFileSync(file, edition('1.0', '2026-01-10', '2026-02-01', 'Порядок следует ISO 9001:2015.'));
    try {
      const run = spawnSync(
        process.execPath,
        [path.join(projectRoot, 'scripts/report.ts'), '--base', 'HEAD', '--root', path.join(repo, 'content'), '--date', DATE],
        { cwd: projectRoot, encoding: 'utf8' },
      );
      expect(run.stdout).toContain('- изменён ПР-920');
      expect(run.stdout).toContain('- изменится /nd/pt-035/');
      expect(run.stdout).not.toContain('изменён ПТ-035');
    } finally {
      writeFileSync(file, was);
    }
  });

  it('says that git is missing, not that the folder is outside a repository', () => {
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/report.ts'), '--base', 'HEAD', '--root', path.join(repo, 'content')], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('git не установлен');
  });

  it('refuses an unknown revision with a Russian message and exit 2', () => {
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/report.ts'), '--base', 'нет-такой', '--root', path.join(repo, 'content')], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ревизия «нет-такой» не найдена');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("an --out it cannot write is named in Russian (exit 2), not as Node's ENOENT", () => {
    const out = path.join(repo, 'нет-папки', 'отчёт.md');
    const run = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'scripts/report.ts'), '--base', 'HEAD~1', '--root', path.join(repo, 'content'), '--out', out],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--out «${out}»: отчёт не записан — папки «${path.dirname(out)}» нет`);
    expect(run.stderr).not.toMatch(/ENOENT/);
  });
});
