import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { addressKey, searchFirst } from '../../src/integration/search-first.ts';

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];

/** Astro's prerenderer as far as the wrapper sees it: its paths in routing order, and a log of what it was asked. */
function astroPrerenderer(pathnames: string[]) {
  const calls: string[] = [];
  const base: AstroPrerenderer = {
    name: 'astro:default',
    setup: async () => void calls.push('setup'),
    getStaticPaths: async () => pathnames.map((pathname) => ({ pathname, route: { route: pathname } }) as unknown as PathWithRoute),
    render: async (request) => {
      calls.push(`render ${new URL(request.url).pathname}`);
      return new Response('ok');
    },
    teardown: async () => void calls.push('teardown'),
  };
  return { base, calls };
}

/** Addresses by their place in a search list. */
const places = (addresses: string[]) => new Map(addresses.map((address, place) => [addressKey(address), place]));

describe('searchFirst: the pages the search holds are rendered first', () => {
  it('puts the searched pages first in the search list’s order, the others after in Astro’s order', async () => {
    const { base } = astroPrerenderer(['/nd/pt-035/1.0/changes/', '/nd/pt-035/appendices/1/', '/nd/', '/nd/pt-035/', '/feed.xml', '/standards/iso-9001-2015/']);
    const searched = places(['/nd/pt-035/', '/nd/pt-035/appendices/1/', '/standards/iso-9001-2015/']);
    const paths = await searchFirst(base, searched).getStaticPaths();
    expect(paths.map((p) => p.pathname)).toEqual([
      '/nd/pt-035/',
      '/nd/pt-035/appendices/1/',
      '/standards/iso-9001-2015/',
      '/nd/pt-035/1.0/changes/',
      '/nd/',
      '/feed.xml',
    ]);
  });

  it('matches addresses with or without the trailing slash, and leaves the order alone when nothing is searched', async () => {
    const { base } = astroPrerenderer(['/a', '/nd/pt-035', '/']);
    expect((await searchFirst(base, places(['/nd/pt-035/'])).getStaticPaths()).map((p) => p.pathname)).toEqual(['/nd/pt-035', '/a', '/']);
    expect((await searchFirst(base, new Map()).getStaticPaths()).map((p) => p.pathname)).toEqual(['/a', '/nd/pt-035', '/']);
    expect(addressKey('/')).toBe('/');
  });

  it('hands setup, rendering and teardown to Astro’s prerenderer', async () => {
    const { base, calls } = astroPrerenderer(['/nd/']);
    const wrapped = searchFirst(base, new Map());
    await wrapped.setup?.();
    const response = await wrapped.render(new Request('http://localhost/nd/'), { routeData: {} as never });
    await wrapped.teardown?.();
    expect(await (response as Response).text()).toBe('ok');
    expect(calls).toEqual(['setup', 'render /nd/', 'teardown']);
  });
});
