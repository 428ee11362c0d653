import { routes } from '../../../../lib/routes.ts';
import { closest, didYouMean } from '../../../../lib/did-you-mean.ts';
import { entries } from '../../../../analysis/entries.ts';
import { buildLandmarks, splitPath, type Landmarks } from '../../../landmarks.ts';
import { defineRule } from '../../../rule.ts';

const SAFE_SCHEME = /^(https?:|mailto:|tel:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Every link target — inline, reference-style, autolink or `<a href>` — leads to a page the site
 * publishes and to an anchor on it; nothing leaves the site by `../`, nothing runs by its scheme.
 */
export default defineRule({ id: 'ref/broken-link', severity: 'error', description: 'внутренняя ссылка ведёт на существующую страницу и якорь' }, (context) => {
  const landmarks = buildLandmarks(context.corpus, context.lookup, context.extracted);
  for (const { doc, entry, extracted } of entries(context)) {
    const own = 'version' in entry.data ? routes.edition(doc.code, entry.data.version) : routes.appendix(doc.code, entry.data.number);
    for (const ref of extracted.refs) {
      if (ref.kind !== 'link') continue;
      const problem = linkProblem(landmarks, ref.url, own, doc.folder);
      if (problem) context.report({ file: entry.file, offset: ref.offset }, problem);
    }
  }
});

function linkProblem({ pages, sections }: Landmarks, url: string, own: string, ownFolder: string): string | undefined {
  if (SAFE_SCHEME.test(url)) return undefined;
  if (ANY_SCHEME.test(url))
    return `ссылка «${url}» со схемой, которая может выполнить код или открыть не страницу: используйте https:, mailto: или адрес страницы портала`;
  const [target = '', anchor] = url.split('#', 2);
  const pathPart = target.replace(/\?.*$/, '');
  if (pathPart === '') {
    const anchors = pages.get(own) ?? new Set<string>();
    return anchor && !anchors.has(anchor) ? `в документе нет заголовка с якорем «#${anchor}»${didYouMean(anchor, anchors, (a) => `«#${a}»`)}` : undefined;
  }
  if (!pathPart.startsWith('/'))
    return `относительная ссылка «${url}» может увести за пределы портала: пишите адрес от корня сайта, например /nd/${ownFolder}/`;
  if (pathPart.split('/').includes('..')) return `ссылка «${url}» выходит за пределы портала («..»): пишите адрес от корня сайта`;
  const path = [pathPart, `${pathPart}/`, safeDecode(pathPart), `${safeDecode(pathPart)}/`].find((p) => pages.has(p));
  if (path === undefined) {
    const [parent, segment] = splitPath(safeDecode(pathPart));
    const missing = sections.get(parent);
    const near = closest(pathPart, pages.keys());
    const hint = near ? `; возможно, «${near}»` : codeHint(pathPart, pages);
    return `страница «${pathPart}» не существует${missing ? `: ${missing(segment)}` : ' на портале'}${hint}`;
  }
  const anchors = pages.get(path)!;
  if (anchor && !anchors.has(anchor)) return `на странице ${pathPart} нет якоря «#${anchor}»${didYouMean(anchor, anchors, (a) => `«#${a}»`)}`;
  return undefined;
}

const safeDecode = (path: string) => {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
};

/** `/nd/ПТ-035/`: the address of a document is its code transliterated. */
function codeHint(path: string, pages: Landmarks['pages']): string {
  const [parent, code] = splitPath(safeDecode(path));
  const address = parent === routes.registry() && code && routes.document(code);
  return address && pages.has(address) ? `; адрес документа — транслитерация кода, ${address}` : '';
}
