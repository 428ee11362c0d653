import type { AstroPrerenderer } from 'astro';

/**
 * Astro's own prerenderer, taking up the pages the search holds before the others, in the order the
 * search index takes them (`searched`: each address's place in the search list). Astro renders routes
 * in its routing order, which puts the pages of documents, the search's main part, after the thousand
 * «что изменилось» and pinned-edition pages it does not hold, and not in the index's order. Handed the
 * searched pages first and in order, the index (search-index.ts) takes each page as soon as it is
 * rendered, has every page it holds while a third of the site is still to be rendered, and Pagefind
 * writes its files (single-threaded, 7 s at 1,000 documents) on the other core meanwhile, instead of
 * after the last page. The other pages keep Astro's order.
 */
export function searchFirst(base: AstroPrerenderer, searched: ReadonlyMap<string, number>): AstroPrerenderer {
  return {
    name: 'nd:search-first',
    setup: () => base.setup?.() ?? Promise.resolve(),
    getStaticPaths: async () => {
      const placed = (await base.getStaticPaths()).map((path) => ({ path, place: searched.get(addressKey(path.pathname)) }));
      const first = placed.filter((p) => p.place !== undefined).sort((a, b) => a.place! - b.place!);
      return [...first, ...placed.filter((p) => p.place === undefined)].map((p) => p.path);
    },
    render: (request, options) => base.render(request, options),
    ...(base.collectStaticImages ? { collectStaticImages: () => base.collectStaticImages!() } : {}),
    teardown: () => base.teardown?.() ?? Promise.resolve(),
  };
}

/** An address as Astro's paths and the inventory's both spell it: `/nd/pt-035/` and `/nd/pt-035` are one. */
export const addressKey = (address: string) => address.replace(/\/+$/, '') || '/';
