import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitUrl, parseGitLog, readGitHistory } from '../../src/analysis/git-history.ts';

describe('Git history of content files', () => {
  it('parses one git log pass into commits per file, newest first', () => {
    const out =
      '\x1eaaa\x1fa1\x1fАвтор\x1f2025-02-20T12:30:00+03:00\x1fВторой\n\ndocuments/x/editions/1.0.mdx\ndocuments/y/editions/1.0.mdx\n\x1ebbb\x1fb1\x1fАвтор\x1f2025-01-15T10:00:00+03:00\x1fПервый\n\ndocuments/x/editions/1.0.mdx\n';
    const files = parseGitLog(out);
    expect(files.get('documents/x/editions/1.0.mdx')?.map((c) => c.short)).toEqual(['a1', 'b1']);
    expect(files.get('documents/y/editions/1.0.mdx')).toEqual([{ hash: 'aaa', short: 'a1', author: 'Автор', date: '2025-02-20', subject: 'Второй' }]);
  });

  it('is unavailable, not an error, outside a repository', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nd-nogit-'));
    expect(await readGitHistory(dir)).toMatchObject({ available: false, reason: 'папка содержимого не в репозитории Git' });
  });

  it('links a commit in GitLab and GitHub', () => {
    expect(commitUrl({ url: 'https://git.example.ru/q/nd/', blobPath: '-/blob' }, 'abc')).toBe('https://git.example.ru/q/nd/-/commit/abc');
    expect(commitUrl({ url: 'https://github.com/q/nd', blobPath: 'blob' }, 'abc')).toBe('https://github.com/q/nd/commit/abc');
  });
});
