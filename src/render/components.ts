import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { anchors, routes } from '../lib/routes.ts';
import type { Edition, Principle } from '../schemas/document.ts';
import type { Role, Term } from '../schemas/registries.ts';
import type { Standard } from '../schemas/standard.ts';
import type { LinkTarget, RefResolver } from './link-references.ts';

/** What a body may show of the published site: the renderer's only window onto data. */
export interface RenderContext {
  /** Code of the document the body belongs to; components that describe «their» document default to it. */
  document: string;
  /** Published roles and terms by id. */
  role(id: string): Role | undefined;
  term(id: string): Term | undefined;
  /** Roles a published document defines. */
  rolesOf(code: string): Role[];
  /** The normative references of the edition of `code` this body shows (its own edition for its own code). */
  referencesOf(code: string): Edition['references'] | undefined;
  /** A published document's address and full title; `restricted` for a document above the audience. */
  documentTarget(code: string): { href: string; title: string } | 'restricted' | undefined;
  /** The catalogued standard a citation names. */
  standardOf(cite: string): Standard | undefined;
  /** The principles and directions the edition of `code` this body shows defines (its own edition for its own code). */
  principlesOf(code: string): Principle[] | undefined;
  /** A resolver for the prose references of one body, given its headings (a bare «п. 3.1» may be its own section). */
  resolverFor(headings: ReadonlyArray<{ slug: string; text: string }>): RefResolver;
  /** Where an author's own link leads, when that is a document or edition above the audience. */
  linkTarget?: LinkTarget;
}

type Inline = (props: Record<string, string>, children: ElementContent[], context: RenderContext, flow: boolean) => ElementContent | ElementContent[];

/** Components rendered from data into the body's HTML. The rest (records) are page segments. */
export const INLINE_COMPONENTS: Record<string, Inline> = {
  /** A role named in prose in any inflected form; plain text when its defining document is not published. */
  Role: (props, children, context) => {
    const role = context.role(props.id ?? '');
    return role ? h('a.role-ref', { href: routes.role(role.id), title: role.name }, children) : h('span.role-ref', children);
  },
  Term: (props, children, context) => {
    const term = context.term(props.id ?? '');
    return term ? h('abbr', { title: term.definition }, [h('a', { href: routes.term(term.id) }, children)]) : h('span', children);
  },
  Note: (props, children) => h('aside.banner', [h('strong', `${props.title ?? 'Примечание'}.`), ' ', ...children]),
  RolesTable: (props, _children, context) => {
    const roles = context.rolesOf(props.document ?? context.document);
    return h('div.table-wrap', [
      h('table#roles', [
        h('thead', [h('tr', [h('th', { scope: 'col' }, 'Наименование роли'), h('th', { scope: 'col' }, 'Определение роли')])]),
        h(
          'tbody',
          roles.map((role) =>
            h('tr', { id: anchors.role(role.id) }, [h('th', { scope: 'row' }, [h('a', { href: routes.role(role.id) }, role.name)]), h('td', role.definition)]),
          ),
        ),
      ]),
    ]);
  },
  /**
   * The policy's principles or directions of one group, from the data of the edition that defines them:
   * a numbered list where it stands as a block, «Digital», «Simple»… inside a sentence.
   */
  Principles: (props, _children, context, flow) => {
    const group = props.group ?? 'principle';
    const items = (context.principlesOf(props.document ?? context.document) ?? []).filter((p) => p.group === group);
    if (flow) {
      const rest = (p: Principle) => (p.text ? `${/^[,.;:!?)]/.test(p.text) ? '' : ' '}${p.text}` : '');
      return h(
        'ol.principles',
        items.map((p) => h('li', { id: `principle-${p.id}` }, [h('strong', p.title), rest(p)])),
      );
    }
    return items.flatMap((p, i): ElementContent[] => [
      ...(i > 0 ? [{ type: 'text' as const, value: ', ' }] : []),
      { type: 'text' as const, value: `«${p.title}»` },
    ]);
  },
  /** The document's normative references, from its `references` and the standards catalog. */
  NormativeReferences: (props, _children, context) => {
    const rows = (context.referencesOf(props.document ?? context.document) ?? []).map((ref, i) => {
      const standard = context.standardOf(ref.cite);
      const target = context.documentTarget(ref.cite);
      const restricted = target === 'restricted';
      const href = standard ? routes.standard(standard.id) : target && target !== 'restricted' ? target.href : undefined;
      const name: ElementContent[] = [{ type: 'text', value: ref.cite }];
      if (restricted) name.push({ type: 'text', value: ' — документ ограниченного доступа' });
      else if (ref.title) name.push({ type: 'text', value: ` «${ref.title}»` });
      if (standard && standard.designation !== ref.cite) {
        const equivalent = standard.equivalents[0];
        name.push(h('div.muted', `действующее издание: ${standard.designation}${equivalent ? `; в России — ${equivalent.designation}` : ''}`));
      }
      return h('tr', [h('td', String(i + 1)), h('td', name), h('td', href ? [h('a', { href }, standard?.designation ?? ref.cite)] : '—')]);
    });
    return h('div.table-wrap', [
      h('table#references', [
        h('thead', [
          h('tr', [
            h('th', { scope: 'col' }, '№ п/п'),
            h('th', { scope: 'col' }, 'Наименование документа'),
            h('th', { scope: 'col' }, 'Ссылка на внутреннем портале'),
          ]),
        ]),
        h('tbody', rows),
      ]),
    ]);
  },
};
