import { parentPort } from 'node:worker_threads';
import { VFile } from 'vfile';
import { analyseMdx } from './parse.ts';

/** Analyses MDX files sent by the pool: `{ files: [{ path, text }] }` → analyses in the same order. */
parentPort?.on('message', ({ files }: { files: Array<{ path: string; text: string }> }) => {
  parentPort?.postMessage(files.map(({ path, text }) => analyseMdx(new VFile({ path, value: text }))));
});
