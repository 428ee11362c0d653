// @ts-check
// `astro dev` and a bare `astro build` read this; `npm run build` passes the same configuration in-process.
import { defineConfig } from 'astro/config';
import { siteAstroConfig } from './src/integration/astro-config.ts';
import { loadConfig } from './src/lib/config.ts';

export default defineConfig(siteAstroConfig(loadConfig()));
