// @ts-check
/**
 * The bare reference site for `npm run bench`: Astro + @astrojs/mdx with defaults, one page per edition
 * of the generated corpus (BENCH_CONTENT), then `pagefind --site`. Nothing of the portal's own code.
 */
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BENCH_OUT ?? './dist',
  cacheDir: process.env.BENCH_CACHE ?? './node_modules/.astro',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: { cacheDir: process.env.BENCH_CACHE ? `${process.env.BENCH_CACHE}/vite` : undefined },
});
