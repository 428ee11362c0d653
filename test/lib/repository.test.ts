import { describe, expect, it } from 'vitest';
import { repositoryCommitUrl, repositoryFileUrl } from '../../src/lib/repository.ts';

/** The one builder of repository addresses: the page's source link, file history's commits, the SARIF rule help. */
describe('repository addresses', () => {
  const gitlab = { url: 'https://git.example.ru/quality/nd/', branch: 'main', blobPath: '-/blob' };
  const github = { url: 'https://github.com/o/r', branch: 'release/1', blobPath: 'blob' };

  it('address a file of the branch, each segment encoded, a branch with a slash kept as two segments', () => {
    expect(repositoryFileUrl(gitlab, 'content/documents/pt-035/editions/1.0.mdx')).toBe(
      'https://git.example.ru/quality/nd/-/blob/main/content/documents/pt-035/editions/1.0.mdx',
    );
    expect(repositoryFileUrl(github, 'content\\documents\\пр 1.mdx', 'rule-x')).toBe(
      'https://github.com/o/r/blob/release/1/content/documents/%D0%BF%D1%80%201.mdx#rule-x',
    );
  });

  it('address a commit as GitLab and GitHub do', () => {
    expect(repositoryCommitUrl(gitlab, 'abc')).toBe('https://git.example.ru/quality/nd/-/commit/abc');
    expect(repositoryCommitUrl(github, 'abc')).toBe('https://github.com/o/r/commit/abc');
  });
});
