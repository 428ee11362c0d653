import { codeSlug, typePrefix } from '../lib/codes.ts';
import type { AppendixEntry, EditionEntry } from '../model/corpus.ts';
import type { Section } from '../model/edition-sections.ts';
import { mapStatus, type EditionTimeline } from '../model/editions.ts';
import { documentReview, reviewDate } from '../model/review.ts';
import type { RenderedBody } from '../render/render-body.ts';
import type { DocumentData, ViewAppendix, ViewEdition } from './view-data.ts';
import type { Publication, PublishedDocument } from './decide.ts';

/** A body rendered against the shown (or its own) edition of its document. */
export type RenderBody = (code: string, entry: EditionEntry | AppendixEntry, own: EditionEntry) => RenderedBody & { sections: Section[] };

/**
 * A published document's data: its published editions with their state and rendered text, its appendices,
 * the documents citing it and its review. Undefined when the edition its address shows was not rendered
 * (only with errors, astro dev): its page waits for the fix.
 */
export function documentData(publication: Publication, published: PublishedDocument, render: RenderBody): DocumentData | undefined {
  const { entry: doc, status, shown } = published;
  const { isPublishedFile } = publication;
  if (!isPublishedFile(shown.edition)) return undefined;
  const typePeriod = publication.lookup.types.get(typePrefix(doc.code))?.reviewPeriod;
  const review = documentReview(doc.editions.filter(isPublishedFile), typePeriod, publication.date, publication.config.review.leadDays);
  const views = new Map<EditionEntry, ViewEdition>();
  for (const t of status.timeline) if (isPublishedFile(t.edition)) views.set(t.edition, viewEdition(publication, doc.code, t, render, typePeriod));
  return {
    code: doc.code,
    slug: codeSlug(doc.code),
    folder: doc.folder,
    editions: [...views.values()],
    status: mapStatus(status, (edition) => views.get(edition)),
    appendices: doc.appendices.filter(isPublishedFile).map((appendix) => viewAppendix(publication, appendix, render(doc.code, appendix, shown.edition))),
    citedBy: [...new Set((publication.references.documents[doc.code] ?? []).map((c) => c.from))].filter((code) => code !== doc.code),
    ...(review ? { review: { version: review.edition.data.version, by: review.by, basis: review.basis, months: review.months, state: review.state } } : {}),
  };
}

function viewEdition(
  publication: Publication,
  code: string,
  t: EditionTimeline<EditionEntry>,
  render: RenderBody,
  typePeriod: number | undefined,
): ViewEdition {
  const { edition, state, from, until, interval } = t;
  const commits = publication.commitsOf(edition);
  return {
    id: edition.id,
    data: edition.data,
    path: publication.sourcePath(edition),
    state,
    from,
    until,
    interval,
    ...render(code, edition, edition),
    reviewBy: reviewDate(edition.data, typePeriod)?.by,
    ...(commits ? { commits } : {}),
  };
}

function viewAppendix(publication: Publication, appendix: AppendixEntry, rendered: RenderedBody & { sections: Section[] }): ViewAppendix {
  const { sections: _unused, ...body } = rendered;
  return { id: appendix.id, data: appendix.data, path: publication.sourcePath(appendix), ...body };
}
