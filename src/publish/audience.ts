import path from 'node:path';
import { codeSlug } from '../lib/codes.ts';
import type { SiteConfig } from '../lib/config.ts';
import type { AppendixEntry, DocumentEntry, EditionEntry } from '../model/corpus.ts';
import { commitUrl, type GitHistory } from '../analysis/git-history.ts';
import type { LinkTarget } from '../render/link-references.ts';
import type { ViewCommit } from './view-data.ts';
import type { Access } from './access.ts';

/**
 * The documents as the audience may read them: published documents only, each with the editions within
 * the audience. Everything the view derives (the edition in force and its dates, citations, suspects,
 * the clause matrix) is derived from these, as if nothing else existed.
 */
export function audienceDocuments(
  documents: readonly DocumentEntry[],
  access: Access,
  fileOf: (entry: EditionEntry | AppendixEntry) => string,
): DocumentEntry[] {
  const visible = (entry: EditionEntry | AppendixEntry) => access.visible.has(fileOf(entry));
  return documents
    .filter((doc) => access.published.has(doc.code))
    .map((doc) => ({ ...doc, editions: doc.editions.filter(visible), appendices: doc.appendices.filter(visible) }));
}

/**
 * An author's link to a document's address (`/nd/pr-901/`, `/nd/ПР-901`, `https://…/nd/pr-901/1.0/`):
 * a restricted document's is shown as its code, marked; an edition of a published document the audience
 * does not have loses its link. Any host counts: a link cannot be trusted to name the portal's own.
 */
export function authorsLinkTarget(all: readonly DocumentEntry[], access: Access, readable: readonly DocumentEntry[]): LinkTarget {
  const bySegment = new Map<string, string>();
  for (const doc of all) {
    bySegment.set(codeSlug(doc.code), doc.code);
    bySegment.set(doc.folder.toLowerCase(), doc.code);
    bySegment.set(doc.code.toLowerCase(), doc.code);
  }
  const versions = new Map(readable.map((doc) => [doc.code, new Set(doc.editions.map((e) => e.data.version))]));
  return (url) => {
    const match = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]*)?\/nd\/([^/?#]+)(?:\/([^/?#]+))?/i.exec(url.trim());
    if (!match) return undefined;
    const code = bySegment.get(decodeSegment(match[1] ?? ''));
    if (!code) return undefined;
    if (access.restricted.has(code) || !access.published.has(code)) return { restricted: code };
    const second = match[2] ? decodeSegment(match[2]) : undefined;
    if (second && /^\d/.test(second) && !versions.get(code)?.has(second)) return 'unlinked';
    return undefined;
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment.toLowerCase();
  }
}

/**
 * The commits that changed a file, newest first, each with its address. A commit that also changed a
 * document file the audience may not read (a restricted document, a hidden edition, or a file no longer
 * in the corpus, whose access is unknown) keeps its date and address, never its subject or author.
 * Other content files (registries, standards) do not withhold a commit.
 */
export function fileCommits(history: GitHistory | undefined, visible: ReadonlySet<string>, repository: SiteConfig['repository']) {
  const withheld = new Set<string>();
  for (const [file, commits] of history?.files ?? []) {
    if (file.startsWith('documents/') && !visible.has(file)) for (const c of commits) withheld.add(c.hash);
  }
  return (file: string): ViewCommit[] =>
    (history?.files.get(file) ?? []).map((c) =>
      withheld.has(c.hash)
        ? { hash: c.hash, short: c.short, date: c.date, author: '', subject: '', withheld: true, url: commitUrl(repository, c.hash) }
        : { ...c, url: commitUrl(repository, c.hash) },
    );
}

/**
 * Content-root-relative path → the path the repository gives it (`content/documents/…`): the root's place in
 * its Git repository, else the configured root when it is relative and inside the project, else the path
 * under the root alone. The absolute folder a build was given (`--root /srv/…`) is never published.
 */
export function repositoryPath(config: SiteConfig, history: GitHistory | undefined): (file: string) => string {
  const configured = config.contentRoot.split(path.sep).join('/');
  const relative = !path.isAbsolute(config.contentRoot) && !configured.split('/').includes('..');
  const prefix = history?.prefix ?? (relative ? configured : '');
  return (file) => path.posix.join(prefix || '.', file);
}
