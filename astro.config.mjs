// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { loadConfig } from './src/lib/config.ts';
import { ndIntegration } from './src/integration/index.ts';

const config = loadConfig();

export default defineConfig({
  site: config.site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ND_OUT_DIR ?? 'dist',
  // Separate caches let tests build several fixture sites without sharing Astro's data store.
  cacheDir: process.env.ND_CACHE_DIR ?? './node_modules/.astro',
  integrations: [ndIntegration(config), mdx()],
  devToolbar: { enabled: false },
  // Smart punctuation would rewrite the documents' own quotes and dashes: publish them as written.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  vite: { logLevel: 'error' },
});
