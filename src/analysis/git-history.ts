import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repositoryCommitUrl } from '../lib/repository.ts';

/**
 * Change evidence from Git (ISO 9001:2015, 7.5.3.2 c–d): which commits changed each content file.
 * One `git log` for the whole content root, parsed once — not one process per file. The result depends
 * only on the history, so two builds of one commit show the same. Without Git or a repository the
 * history is simply unavailable; nothing fails.
 */

export interface FileCommit {
  hash: string;
  short: string;
  author: string;
  /** Author date, `YYYY-MM-DD`. */
  date: string;
  subject: string;
}

export interface GitHistory {
  available: boolean;
  /** Why not, for the log (no repository, no git). */
  reason?: string;
  /** Content-root-relative path (`documents/pt-035/editions/1.0.mdx`) → commits, newest first. */
  files: Map<string, FileCommit[]>;
  /** Where the content root lies in its repository (`content`), for repository-relative paths. */
  prefix?: string;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
const run = promisify(execFile);

/** Parses `git log --format=RS%H US %h US %an US %aI US %s --name-only` output. */
export function parseGitLog(output: string): Map<string, FileCommit[]> {
  const files = new Map<string, FileCommit[]>();
  for (const record of output.split(RECORD)) {
    if (!record.trim()) continue;
    const [head = '', ...names] = record.split('\n');
    const [hash = '', short = '', author = '', date = '', subject = ''] = head.split(FIELD);
    const commit: FileCommit = { hash, short, author, date: date.slice(0, 10), subject };
    for (const name of names) {
      if (!name) continue;
      const list = files.get(name) ?? [];
      list.push(commit);
      files.set(name, list);
    }
  }
  return files;
}

/** Reads the history of every file under `root` in one `git log` pass. */
export async function readGitHistory(root: string): Promise<GitHistory> {
  const args = [
    '-c',
    'core.quotepath=off',
    '-C',
    root,
    'log',
    `--format=${RECORD}%H${FIELD}%h${FIELD}%an${FIELD}%aI${FIELD}%s`,
    '--name-only',
    '--no-renames',
    '--relative',
    '--',
    '.',
  ];
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
  try {
    const [{ stdout }, place] = await Promise.all([
      run('git', args, { maxBuffer: 256 * 1024 * 1024, env }),
      run('git', ['-c', 'core.quotepath=off', '-C', root, 'rev-parse', '--show-prefix'], { env }),
    ]);
    return { available: true, files: parseGitLog(stdout), prefix: place.stdout.trim().replace(/\/$/, '') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git не установлен' : 'папка содержимого не в репозитории Git';
    return { available: false, reason, files: new Map() };
  }
}

/** Address of a commit in the repository's web interface: `…/-/commit/<hash>` (GitLab) or `…/commit/<hash>` (GitHub). */
export function commitUrl(repository: { url: string; blobPath: string }, hash: string): string {
  return repositoryCommitUrl(repository, hash);
}
