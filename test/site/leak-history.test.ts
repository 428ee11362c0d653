import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import { readGitHistory, type GitHistory } from '../../src/analysis/git-history.ts';
import { publish } from '../../src/publish/publish.ts';
import { RenderCache } from '../../src/render/render-cache.ts';
import { check, type CheckResult } from '../../src/validation/check.ts';
import { projectRoot } from '../helpers/content-root.ts';
import { restrictedCorpus } from '../helpers/restricted-corpus.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

/**
 * «История изменений файла» of a public edition: a commit that also changed a file the audience may not
 * read (the trade-secret ПР-901, ПР-900's hidden 0.9) keeps its date and address but shows neither its
 * subject nor its author. The content root lies in `content/` of its repository: paths are repository-relative.
 */
const DATE = '2026-11-26';
let content: string;
let checked: CheckResult;
let history: GitHistory;

const git = (repo: string, args: string[], author = 'Автор Публичный') =>
  execFileSync('git', ['-C', repo, '-c', `user.name=${author}`, '-c', 'user.email=a@example.ru', '-c', 'commit.gpgsign=false', ...args], {
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2026-01-01T10:00:00+03:00', GIT_COMMITTER_DATE: '2026-01-01T10:00:00+03:00' },
  });

beforeAll(async () => {
  const repo = await mkdtemp(path.join(tmpdir(), 'nd-repo-'));
  content = path.join(repo, 'content');
  await cp(await restrictedCorpus(), content, { recursive: true });
  git(repo, ['init', '-q']);
  git(repo, ['add', '-A', '--', '.', ':!content/documents/pr-901', ':!content/documents/pr-900/editions/0.9.mdx']);
  git(repo, ['commit', '-qm', 'Публичное наполнение']);
  await appendFile(path.join(content, 'documents/pr-900/editions/1.0.mdx'), '\nВторой абзац.\n');
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-qm', 'Правка qxzleakcommitsubject вместе с ПР-901'], 'Автор qxzleakcommitauthor');
  await appendFile(path.join(content, 'documents/pr-900/editions/1.0.mdx'), '\nТретий абзац.\n');
  git(repo, ['commit', '-qam', 'Публичная правка']);
  checked = await check({ root: content, buildDate: DATE, sites: internalSites(DATE) });
  history = await readGitHistory(content);
});

const view = (audience: string) => {
  const config = loadConfig(projectRoot, {}, { contentRoot: content, audience, buildDate: DATE });
  return publish(checked, config, new RenderCache(), history);
};

describe('file history per audience', () => {
  it('knows where the content root lies in its repository', () => {
    expect(history).toMatchObject({ available: true, prefix: 'content' });
  });

  it('public: the mixed commit shows its date and address, not its subject or author', () => {
    const published = view('public');
    const edition = published.documents.find((d) => d.code === 'ПР-900')?.editions.find((e) => e.data.version === '1.0');
    expect(edition?.commits?.map((c) => [c.subject, c.author, Boolean(c.withheld)])).toEqual([
      ['Публичная правка', 'Автор Публичный', false],
      ['', '', true],
      ['Публичное наполнение', 'Автор Публичный', false],
    ]);
    expect(edition?.commits?.[1]).toMatchObject({ date: '2026-01-01', url: expect.stringMatching(/\/-\/commit\/[0-9a-f]{40}$/) });
    expect(JSON.stringify(published)).not.toMatch(/qxzleakcommit/);
  });

  it('public: source paths are repository-relative, never the absolute root', () => {
    const published = view('public');
    const doc = published.documents.find((d) => d.code === 'ПР-900');
    expect(doc?.editions.map((e) => e.path)).toEqual(['content/documents/pr-900/editions/1.0.mdx']);
    expect(JSON.stringify(published)).not.toContain(path.dirname(content));
  });

  it('trade-secret: the audience that may read every file sees the commit whole', () => {
    const edition = view('trade-secret')
      .documents.find((d) => d.code === 'ПР-900')
      ?.editions.find((e) => e.data.version === '1.0');
    expect(edition?.commits?.[1]).toMatchObject({ subject: 'Правка qxzleakcommitsubject вместе с ПР-901', author: 'Автор qxzleakcommitauthor' });
    expect(edition?.commits?.[1]?.withheld).toBeUndefined();
  });
});
