/** Where the content's Git repository is browsed (nd.config.json → repository). */
export interface Repository {
  url: string;
  branch: string;
  /** Address segment of a file: `blob` (GitHub) or `-/blob` (GitLab). */
  blobPath: string;
}

/** Path segments as they go into an address: split at `/`, empty ones dropped, each percent-encoded. */
const segments = (path: string) => path.split('/').filter(Boolean).map(encodeURIComponent);

const base = (repository: Pick<Repository, 'url'>) => repository.url.replace(/\/+$/, '');

/**
 * The one builder of repository addresses. A file of the branch: `<url>/<blobPath>/<branch>/<file>`,
 * with `#fragment` when given; every path segment percent-encoded (a branch `release/1` stays two segments).
 */
export function repositoryFileUrl(repository: Repository, file: string, fragment?: string): string {
  const path = [...segments(repository.blobPath), ...segments(repository.branch), ...segments(file.split('\\').join('/'))];
  return `${base(repository)}/${path.join('/')}${fragment ? `#${fragment}` : ''}`;
}

/** A commit in the repository's web interface: `…/-/commit/<hash>` (GitLab) or `…/commit/<hash>` (GitHub). */
export function repositoryCommitUrl(repository: Pick<Repository, 'url' | 'blobPath'>, hash: string): string {
  const path = [...segments(repository.blobPath.replace(/blob$/, 'commit')), encodeURIComponent(hash)];
  return `${base(repository)}/${path.join('/')}`;
}
