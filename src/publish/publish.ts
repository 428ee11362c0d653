import type { SiteConfig } from '../lib/config.ts';
import { splitSections } from '../model/edition-sections.ts';
import type { GitHistory } from '../analysis/git-history.ts';
import { renderBody } from '../render/render-body.ts';
import type { RenderCache } from '../render/render-cache.ts';
import type { DocumentData, SiteData } from './view-data.ts';
import type { CheckResult } from '../validation/check.ts';
import { decide, type Publication } from './decide.ts';
import { documentData, type RenderBody } from './document-data.ts';
import { renderer } from './render-context.ts';
import { siteData } from './site-data.ts';

/** What the site is built from: no path leads from it back to the checked corpus or the publication. */
export interface PublishedView {
  site: SiteData;
  documents: DocumentData[];
}

export class PublicationError extends Error {}

/**
 * The published view: decide what the audience sees, render the published texts, then project the site's
 * and each document's data. Everything after it — pages, components, exports, the search
 * index — receives only this view: there is no path to the checked corpus.
 */
export function publish(checked: CheckResult, config: SiteConfig, cache: RenderCache, history?: GitHistory): PublishedView {
  const publication = decide(checked, config, history);
  if (publication.access.problem) throw new PublicationError(publication.access.problem);
  const render = cachedRender(publication, cache);
  const documents = publication.documents.flatMap((doc) => documentData(publication, doc, render) ?? []);
  cache.end();
  return { site: siteData(publication, documents), documents };
}

/** Renders bodies through the cache; parsed again (the checker keeps no trees) only when it has no rendering of this text. */
function cachedRender(publication: Publication, cache: RenderCache): RenderBody {
  const { contextFor, key } = renderer(publication);
  cache.begin(key);
  return (code, entry, own) =>
    cache.get(`${code}\0${String(entry.file.value)}`, () => {
      const tree = entry.source.tree;
      if (!tree) throw new PublicationError(`${entry.file.path}: текст не разобран как MDX — исправьте ошибки проверки (npm run check)`);
      const sections = splitSections(tree);
      return { ...renderBody(tree, contextFor(code, own)), sections };
    });
}
