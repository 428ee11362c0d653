/**
 * Preloaded by `npm run check` and `npm run build` (`node --import ./scripts/compile-cache.ts`): Node's
 * on-disk compile cache keeps the TypeScript it strips and the V8 code it compiles, so a check does not
 * strip and compile about 150 modules anew in the main thread and again in each analysis worker (about
 * 0.4 s of CPU on a cold check), nor a build Astro's and Vite's modules (about 0.4 s of 3.5 s for the
 * real content). Node reads `NODE_COMPILE_CACHE` in worker threads, which is how they share the
 * directory; `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
import { enableCompileCache } from 'node:module';

const { directory } = enableCompileCache();
if (directory && !process.env.NODE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = directory;
