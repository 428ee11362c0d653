/**
 * The site map and the menu, over the real content built for each audience with a configured site
 * address: sitemap.xml lists exactly the pages that may be indexed (every built page without noindex
 * or a canonical address elsewhere), under the configured address, never localhost; canonical links use
 * it too; exactly one menu item is current on every page inside a section.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, SITE, sharedBuild } from '../helpers/shared-build.ts';

async function htmlFiles(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.posix.join(prefix, entry.name);
    if (entry.isDirectory() && entry.name !== 'pagefind' && entry.name !== '_astro') found.push(...(await htmlFiles(dir, rel)));
    else if (entry.name.endsWith('.html')) found.push(rel);
  }
  return found;
}

/** A built file's address: `nd/pt-035/index.html` → `/nd/pt-035/`. */
const addressOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

describe.each(['internal', 'public'] as const)('audience %s', (audience) => {
  let outDir = '';
  const pages = new Map<string, string>();
  beforeAll(async () => {
    const built = await sharedBuild('real', BUILDS[audience]);
    if (built.code !== 0) throw new Error(`сборка не удалась:\n${built.stdout}\n${built.stderr}`);
    outDir = built.outDir;
    for (const file of await htmlFiles(outDir)) pages.set(addressOf(file), await readFile(path.join(outDir, file), 'utf8'));
  });

  it('sitemap.xml lists every indexable page, and only those, under the configured address', async () => {
    const xml = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(listed.every((url) => url.startsWith(`${SITE}/`))).toBe(true);
    const indexable = [...pages]
      .filter(([address, html]) => address !== '/404.html' && !html.includes('name="robots" content="noindex"') && !/rel="canonical"/.test(html))
      .map(([address]) => `${SITE}${encodeURI(address)}`);
    expect(listed.sort()).toEqual(indexable.sort());
    expect(listed.length).toBeGreaterThan(audience === 'internal' ? 20 : 10);
  });

  it('canonical links name the configured address', () => {
    const canonical = [...pages.values()].flatMap((html) => [...html.matchAll(/rel="canonical" href="([^"]+)"/g)].map((m) => m[1]!));
    expect(canonical.length).toBeGreaterThan(0);
    for (const href of canonical) expect(href.startsWith(`${SITE}/`)).toBe(true);
    expect([...pages.values()].some((html) => html.includes('localhost'))).toBe(false);
  });

  it('has /quality-standards/ in the menu and exactly one current menu item on each page of a section', () => {
    for (const [address, html] of pages) {
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      if (!nav) continue; // redirects
      expect(nav).toContain('href="/quality-standards/"');
      const current = nav.match(/aria-current="page"/g)?.length ?? 0;
      const inSection = !['/', '/search/', '/404.html'].includes(address);
      expect({ address, current }).toEqual({ address, current: inSection ? 1 : 0 });
    }
    const asOf = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(pages.get('/nd/as-of/')!)![0];
    expect(/<a href="\/nd\/as-of\/" aria-current="page">/.test(asOf)).toBe(true);
  });
});
