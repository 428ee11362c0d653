import { readFile, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocumentData, SiteData } from './view-data.ts';

export interface Snapshot {
  site: SiteData;
  documents: DocumentData[];
}

/**
 * Where a build's published view waits for Astro's content loader: one file per cache folder. Written
 * with the structured clone of V8, which keeps shared references (an edition in a document's `editions`
 * and in its `status` is one object), as Astro's data store does after it.
 */
export const snapshotFile = (cacheDir: string) => path.join(cacheDir, 'nd', 'published-view.bin');

export async function writeSnapshot(file: string, snapshot: Snapshot) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}`;
  await writeFile(temp, serialize(snapshot));
  await rename(temp, file);
}

export async function readSnapshot(file: string): Promise<Snapshot> {
  return deserialize(await readFile(file)) as Snapshot;
}
