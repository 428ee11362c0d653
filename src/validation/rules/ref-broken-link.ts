import { codeSlug } from '../../lib/codes.ts';
import { entries } from '../entries.ts';
import { qualityPageProblem } from '../quality-links.ts';
import { defineRule, type RuleContext } from '../rule.ts';

/** Anchors the document layout itself renders on every document page. */
const LAYOUT_ANCHORS = ['passport', 'scope', 'appendices', 'history', 'cited-by', 'references', 'content'];
const STATIC_PAGES = new Set(['/', '/nd/', '/glossary/', '/standards/', '/nd/as-of/', '/search/']);

/** Internal links lead to an existing page and heading; nothing leaves the site by `../`. */
export default defineRule({ id: 'ref/broken-link', severity: 'error', description: 'внутренняя ссылка ведёт на существующую страницу и якорь' }, (context) => {
  for (const { doc, entry, extracted } of entries(context)) {
    for (const ref of extracted.refs) {
      if (ref.kind !== 'link') continue;
      const problem = linkProblem(context, ref.url, doc.folder, extracted.headings.map((h) => h.slug));
      if (problem) context.report({ file: entry.file, offset: ref.offset }, problem);
    }
  }
});
function linkProblem(context: RuleContext, url: string, ownFolder: string, ownSlugs: string[]): string | undefined {
  if (/^(https?:|mailto:|tel:)/i.test(url)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return `ссылка «${url}» со схемой, которая может выполнить код или открыть не страницу: используйте https:, mailto: или адрес страницы портала`;
  const [pathPart = '', anchor] = url.split('#', 2);
  if (pathPart === '') {
    return anchor && !ownSlugs.includes(anchor) && !LAYOUT_ANCHORS.includes(anchor)
      ? `в документе нет заголовка с якорем «#${anchor}»${suggest(anchor, ownSlugs)}`
      : undefined;
  }
  if (!pathPart.startsWith('/')) return `относительная ссылка «${url}» может увести за пределы портала: пишите адрес от корня сайта, например /nd/${ownFolder}/`;
  if (pathPart.split('/').includes('..')) return `ссылка «${url}» выходит за пределы портала («..»): пишите адрес от корня сайта`;
  const path = pathPart.endsWith('/') ? pathPart : `${pathPart}/`;
  if (STATIC_PAGES.has(path)) return undefined;
  const doc = /^\/nd\/([a-z0-9-]+)\/(?:((?:appendices\/)?[^/]+)\/)?$/.exec(path);
  if (doc) {
    const target = context.corpus.documents.find((d) => d.folder === doc[1]);
    if (!target) return `страница «${pathPart}» не существует: документа с адресом /nd/${doc[1]}/ нет`;
    const version = doc[2];
    const appendix = version && /^appendices\/(\d+)$/.exec(version);
    const entry = appendix
      ? target.appendices.find((a) => a.data.number === Number(appendix[1]))
      : version ? target.editions.find((e) => e.data.version === version) : target.editions.at(-1);
    if (!entry) return `у документа ${target.code} нет ${appendix ? `приложения ${appendix[1]}` : `редакции ${version}`}`;
    const slugs = context.extracted.get(entry.id)?.headings.map((h) => h.slug) ?? [];
    if (anchor && !slugs.includes(anchor) && !LAYOUT_ANCHORS.includes(anchor)) return `на странице ${pathPart} нет заголовка с якорем «#${anchor}»${suggest(anchor, slugs)}`;
    return undefined;
  }
  const standard = /^\/standards\/([a-z0-9-]+)\/$/.exec(path);
  if (standard) {
    const id = standard[1] ?? '';
    if (!context.lookup.standards.has(id)) return `стандарта «${id}» нет в каталоге`;
    const clause = anchor?.replace(/^clause-/, '');
    if (anchor && (!anchor.startsWith('clause-') || !context.lookup.clauses.get(id)?.has(clause ?? ''))) return `в ${context.lookup.standards.get(id)?.data.designation} нет пункта для якоря «#${anchor}»`;
    return undefined;
  }
  if (path === '/glossary/' || path.startsWith('/glossary/')) return undefined;
  const quality = qualityPageProblem(context, path);
  if (quality !== null) return quality && `страница «${pathPart}» не существует: ${quality}`;
  return `страница «${pathPart}» не существует на портале${codeHint(pathPart)}`;
}

const suggest = (anchor: string, slugs: string[]) => {
  const near = slugs.find((s) => s.startsWith(anchor.slice(0, 4)));
  return near ? `: возможно, «#${near}»` : '';
};

const codeHint = (path: string) => {
  const code = /\/nd\/([^/]+)/.exec(path)?.[1];
  return code ? `; адрес документа — транслитерация кода, например /nd/${codeSlug(decodeURIComponent(code))}/` : '';
};
