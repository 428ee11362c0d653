import type { AstroPrerenderer } from 'astro';

/**
 * Astro's own prerenderer, taking up the pages the search holds before the others. Astro renders
 * routes in its routing order, which puts the pages of documents, the search's main part, after the
 * thousand «что изменилось» and pinned-edition pages it does not hold. Handed the searched pages first,
 * the search index (search-index.ts) has every page it holds while a third of the site is still to be
 * rendered, and Pagefind writes its files (single-threaded, 7 s at 1,000 documents) on the other core
 * meanwhile, instead of after the last page. The order within each part stays Astro's, so it is the
 * same in every build of the same site.
 */
export function searchFirst(base: AstroPrerenderer, searched: ReadonlySet<string>): AstroPrerenderer {
  return {
    name: 'nd:search-first',
    setup: () => base.setup?.() ?? Promise.resolve(),
    getStaticPaths: async () => {
      const paths = await base.getStaticPaths();
      const first = paths.filter((p) => searched.has(addressKey(p.pathname)));
      return first.length ? [...first, ...paths.filter((p) => !searched.has(addressKey(p.pathname)))] : paths;
    },
    render: (request, options) => base.render(request, options),
    ...(base.collectStaticImages ? { collectStaticImages: () => base.collectStaticImages!() } : {}),
    teardown: () => base.teardown?.() ?? Promise.resolve(),
  };
}

/** An address as Astro's paths and the inventory's both spell it: `/nd/pt-035/` and `/nd/pt-035` are one. */
export const addressKey = (address: string) => address.replace(/\/+$/, '') || '/';
