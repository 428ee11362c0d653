import { routes, splitPath } from '../../../../lib/routes.ts';
import { closest, didYouMean } from '../../../../lib/did-you-mean.ts';
import { entries } from '../../../../analysis/entries.ts';
import { defineRule, type AudienceSite } from '../../../rule.ts';

const SAFE_SCHEME = /^(https?:|mailto:|tel:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Every link target — inline, reference-style, autolink or `<a href>` — leads to a page and an anchor on
 * it in the site of every audience that publishes the linking text (a public text may not link to a page
 * only the internal site has); nothing leaves the site by `../`, nothing runs by its scheme. The sites
 * come from the caller (RuleContext.sites: the publication decision and the page inventory).
 */
export default defineRule({ id: 'ref/broken-link', severity: 'error', description: 'внутренняя ссылка ведёт на существующую страницу и якорь' }, (context) => {
  for (const { doc, entry, extracted } of entries(context)) {
    const links = extracted.refs.filter((ref) => ref.kind === 'link');
    if (links.length === 0) continue;
    // Asked for at the first link only: the sites are made from the whole corpus.
    const sites = context.sites();
    const own = 'version' in entry.data ? routes.edition(doc.code, entry.data.version) : routes.appendix(doc.code, entry.data.number);
    const publishing = sitesPublishing(sites, entry.id);
    for (const ref of links) {
      for (const problem of linkProblems(publishing, ref.url, own, doc.folder)) context.report({ file: entry.file, offset: ref.offset }, problem);
    }
  }
});

/** The built sites that publish the entry; a text no built site publishes is checked against the widest level's site. */
function sitesPublishing(sites: readonly AudienceSite[], entry: string): AudienceSite[] {
  const built = sites.filter((site) => site.built && site.entries.has(entry));
  return built.length ? built : sites.filter((site) => !site.built && site.entries.has(entry));
}

/** What is wrong with a link: once when the address itself is wrong, else once per group of sites that lack the same thing. */
function linkProblems(sites: readonly AudienceSite[], url: string, own: string, ownFolder: string): string[] {
  if (SAFE_SCHEME.test(url)) return [];
  if (ANY_SCHEME.test(url))
    return [`ссылка «${url}» со схемой, которая может выполнить код или открыть не страницу: используйте https:, mailto: или адрес страницы портала`];
  const [target = '', anchor] = url.split('#', 2);
  const pathPart = target.replace(/\?.*$/, '');
  if (pathPart === '') {
    // The text's own page is the same on every site that publishes it (none: no pages to check against).
    if (!sites[0]) return [];
    const anchors = sites[0].pages.get(own) ?? new Set<string>();
    return anchor && !anchors.has(anchor) ? [`в документе нет заголовка с якорем «#${anchor}»${didYouMean(anchor, anchors, (a) => `«#${a}»`)}`] : [];
  }
  if (!pathPart.startsWith('/'))
    return [`относительная ссылка «${url}» может увести за пределы портала: пишите адрес от корня сайта, например /nd/${ownFolder}/`];
  if (pathPart.split('/').includes('..')) return [`ссылка «${url}» выходит за пределы портала («..»): пишите адрес от корня сайта`];
  const missing = new Map<string, string[]>();
  for (const site of sites) {
    const problem = missingOn(site, pathPart, anchor);
    if (problem) missing.set(problem, [...(missing.get(problem) ?? []), site.audience]);
  }
  return [...missing].map(([problem, audiences]) => `${onSites(audiences)} ${problem}`);
}

/** `на сайте аудитории «public»`, `на сайтах аудиторий «public», «internal»`. */
function onSites(audiences: readonly string[]): string {
  const names = audiences.map((a) => `«${a}»`).join(', ');
  return audiences.length === 1 ? `на сайте аудитории ${names}` : `на сайтах аудиторий ${names}`;
}

/** What one site lacks of a link's target: the page (why, and the nearest page) or the anchor on it. */
function missingOn({ pages, sections }: AudienceSite, pathPart: string, anchor: string | undefined): string | undefined {
  const path = [pathPart, `${pathPart}/`, safeDecode(pathPart), `${safeDecode(pathPart)}/`].find((p) => pages.has(p));
  if (path === undefined) {
    const [parent, segment] = splitPath(safeDecode(pathPart));
    const why = sections.get(parent);
    const near = closest(pathPart, pages.keys());
    const hint = near ? `; возможно, «${near}»` : codeHint(pathPart, pages);
    return `нет страницы «${pathPart}»${why ? `: ${why(segment)}` : ''}${hint}`;
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
function codeHint(path: string, pages: AudienceSite['pages']): string {
  const [parent, code] = splitPath(safeDecode(path));
  const address = parent === routes.registry() && code && routes.document(code);
  return address && pages.has(address) ? `; адрес документа — транслитерация кода, ${address}` : '';
}
