import { contentPaths } from '../lib/content-paths.ts';
import type { AppendixEntry, DocumentEntry, EditionEntry } from '../model/corpus.ts';
import { documentStatus } from '../model/editions.ts';
import type { AccessLevel } from '../schemas/registries.ts';
import type { CheckResult } from '../validation/check.ts';

/**
 * Which documents and files a build may publish for its audience; decided once from the checked corpus.
 * The first of the audience decisions; `decide()` (decide.ts) makes the others from it.
 */
export interface Access {
  /** The access level the build publishes up to (`nd.config.json` → audience, ND_AUDIENCE). */
  audience: AccessLevel | undefined;
  /** Set when the configured audience is not in the access-level registry: nothing may be built. */
  problem?: string;
  /** Codes of documents every edition of which is within the audience. */
  published: Set<string>;
  /** Codes of documents above the audience: cited by code only, never by title or text. */
  restricted: Set<string>;
  /** Content-root-relative MDX files whose text the build renders and publishes: published, parsable, no forbidden code. */
  files: Set<string>;
  /**
   * Every MDX file the audience may read (those in `files` and the refused ones): the editions within the
   * audience and the appendices of published documents. The published view is computed from these only.
   */
  visible: Set<string>;
  /** Files of published documents whose text is not rendered, with the reason, for the page's error. */
  refused: Map<string, string>;
}

/** Why a build cannot publish for these audiences: the access-level registry lacks them. */
export function unknownAudience(ids: readonly string[], known: Iterable<string>): string {
  const listed = [...known];
  return `уровень доступа ${ids.map((id) => `«${id}»`).join(', ')}, до которого публикует сборка (audience или audiences в nd.config.json, ND_AUDIENCE или --audiences), не найден в registries/access-levels.json; известные: ${listed.join(', ') || 'нет ни одного'}`;
}

/**
 * A document is published when the edition its address shows (in force at the build date, else the
 * upcoming one, else the newest) is within the audience; then its appendices are too, and each of its
 * other editions only if that edition is within the audience (site/editions.ts hides the rest from
 * history, diffs, feed and exports; here they are not even loaded). A document above the audience
 * takes its appendices, roles and terms with it. An unknown access level counts as restricted.
 */
export function decideAccess(check: Pick<CheckResult, 'corpus' | 'lookup' | 'extracted'>, audienceId: string, buildDate: string): Access {
  const levels = check.lookup.accessLevels;
  const audience = levels.get(audienceId);
  const publication: Access = { audience, published: new Set(), restricted: new Set(), files: new Set(), visible: new Set(), refused: new Map() };
  if (!audience) {
    publication.problem = unknownAudience([audienceId], levels.keys());
    for (const doc of check.corpus.documents) publication.restricted.add(doc.code);
    return publication;
  }
  const within = (edition: EditionEntry) => (levels.get(edition.data.access)?.rank ?? Infinity) <= audience.rank;
  for (const doc of check.corpus.documents) {
    if (doc.editions.length === 0) continue;
    const status = documentStatus(doc.editions, buildDate);
    if (!status.shown || !within(status.shown.edition)) {
      publication.restricted.add(doc.code);
      continue;
    }
    publication.published.add(doc.code);
    for (const entry of [...doc.editions.filter(within), ...doc.appendices]) {
      const file = entryFile(doc, entry);
      publication.visible.add(file);
      const refusal = refusalOf(check, entry);
      if (refusal) publication.refused.set(file, refusal);
      else publication.files.add(file);
    }
  }
  return publication;
}

/** `documents/pt-035/editions/1.0.mdx`, from the entry id the corpus and the collections share. */
export function entryFile(doc: DocumentEntry, entry: EditionEntry | AppendixEntry): string {
  const name = entry.id.slice(entry.id.indexOf('/') + 1);
  return doc.editions.includes(entry as EditionEntry) ? contentPaths.edition(doc.folder, name) : contentPaths.appendix(doc.folder, name);
}

function refusalOf(check: Pick<CheckResult, 'extracted'>, entry: EditionEntry | AppendixEntry): string | undefined {
  const extracted = check.extracted.get(entry.id);
  if (!extracted) return `${entry.file.path}: текст не разобран как MDX — исправьте ошибки проверки (npm run check)`;
  const found = extracted.containment;
  if (found.length) return `${entry.file.path}: в тексте код, который содержимому запрещён (mdx/forbidden-code): ${found.map((f) => f.reason).join('; ')}`;
  return undefined;
}
