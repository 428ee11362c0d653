import { typePrefix } from '../lib/codes.ts';
import { digest } from '../lib/digest.ts';
import { routes } from '../lib/routes.ts';
import { documentTitle } from '../lib/titles.ts';
import type { EditionEntry } from '../model/corpus.ts';
import { resolveStandard } from '../model/lookup.ts';
import type { RenderContext } from '../render/components.ts';
import type { RefResolver, RefTarget } from '../render/link-references.ts';
import type { Role } from '../schemas/registries.ts';
import { clauseResolver, headingNumbers } from '../analysis/resolve.ts';
import type { Publication } from './decide.ts';

/** What a body is rendered against, for the bodies of one publication. */
export interface Renderer {
  /** The context of a body of `code`: its own edition `own` (an appendix renders against the shown one). */
  contextFor(code: string, own: EditionEntry): RenderContext;
  /** Digest of everything the contexts read beyond the text: a change here re-renders every body. */
  key: string;
}

/** The targets of references and the lookups a body of this publication is rendered with. */
export function renderer(publication: Publication): Renderer {
  const targets = refTargets(publication);
  const rolesByDoc = Map.groupBy(publication.roles, (r: Role) => r.definedIn);
  const roleById = new Map(publication.roles.map((r) => [r.id, r]));
  const termById = new Map(publication.terms.map((t) => [t.id, t]));
  const shownOf = (code: string) => publication.byCode.get(code)?.shown.edition;
  const contextFor = (code: string, own: EditionEntry): RenderContext => ({
    document: code,
    linkTarget: publication.linkTarget,
    role: (id) => roleById.get(id),
    term: (id) => termById.get(id),
    rolesOf: (of) => rolesByDoc.get(of) ?? [],
    referencesOf: (of) => (of === code ? own : shownOf(of))?.data.references,
    principlesOf: (of) => (of === code ? own : shownOf(of))?.data.principles,
    documentTarget: (cited) => {
      const target = targets.document(cited);
      return target && 'restricted' in target ? 'restricted' : target;
    },
    standardOf: (cite) => {
      const id = resolveStandard(publication.lookup, cite);
      return id ? publication.lookup.standards.get(id)?.data : undefined;
    },
    resolverFor: (headings) => resolverFor(publication, targets, code, headings),
  });
  return { contextFor, key: contextKey(publication) };
}

interface RefTargets {
  document(code: string): RefTarget;
  standard(id: string | undefined, clause: string | undefined): RefTarget;
  appendix(code: string, number: number): RefTarget;
}

function refTargets({ access, byCode, lookup, isPublishedFile }: Publication): RefTargets {
  const typeName = (code: string) => lookup.types.get(typePrefix(code))?.name;
  const restricted = (code: string) => ({ restricted: `${code}: документ ограниченного доступа` });
  return {
    document: (cited) => {
      if (access.restricted.has(cited)) return restricted(cited);
      const title = byCode.get(cited)?.shown.edition.data.title;
      return title === undefined ? undefined : { href: routes.document(cited), title: `${cited} ${documentTitle(typeName(cited), title)}` };
    },
    standard: (id, clause) => {
      const standard = id ? lookup.standards.get(id)?.data : undefined;
      if (!standard) return undefined;
      if (!clause) return { href: routes.standard(standard.id), title: `${standard.designation} «${standard.title.ru}»` };
      const found = lookup.clauses.get(standard.id)?.get(clause);
      return found ? { href: routes.clause(standard.id, clause), title: `${standard.designation}, п. ${clause} «${found.ru}»` } : undefined;
    },
    appendix: (code, number) => {
      if (access.restricted.has(code)) return restricted(code);
      const appendix = byCode.get(code)?.entry.appendices.find((a) => a.data.number === number);
      return appendix && isPublishedFile(appendix)
        ? { href: routes.appendix(code, number), title: `Приложение ${number} «${appendix.data.title}» к ${code}` }
        : undefined;
    },
  };
}

/** Prose references of one body: documents, appendices, standards' clauses, and a bare «п. 3.1» of its own. */
function resolverFor(publication: Publication, targets: RefTargets, code: string, headings: ReadonlyArray<{ slug: string; text: string }>): RefResolver {
  const own = headingNumbers(headings);
  const clauses = clauseResolver(publication.lookup, publication.byCode.get(code)?.entry ?? { editions: [] }, own);
  return (ref) => {
    if (ref.kind === 'code') return targets.document(`${ref.prefix}-${ref.number}`);
    if (ref.kind === 'appendix') return targets.appendix(ref.document ?? code, ref.number);
    const resolved = clauses(ref);
    if (resolved === 'own') {
      const heading = headings[own.get((ref as { clause: string }).clause) ?? -1];
      return heading && { href: `#${heading.slug}`, title: heading.text };
    }
    return resolved && targets.standard(resolved.id, resolved.clause);
  };
}

/** Every body is rendered against this: a change here (a title, a role) re-renders the bodies. */
function contextKey(publication: Publication): string {
  return digest({
    roles: publication.roles,
    terms: publication.terms,
    titles: publication.documents.map((d) => [d.entry.code, d.shown.edition.data.title]),
    restricted: [...publication.access.restricted].sort(),
    // Links to an edition the audience does not have lose their link; a bare clause follows the latest edition's references.
    editions: publication.corpus.documents.map((d) => [d.code, d.editions.map((e) => e.data.version), d.editions.at(-1)?.data.references]),
    standards: publication.standards.map((s) => [s.id, s.designation, s.equivalents]),
  });
}
