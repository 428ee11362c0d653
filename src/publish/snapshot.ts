import { readFile, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentData, SiteData } from './view-data.ts';

export interface Snapshot {
  site: SiteData;
  documents: DocumentData[];
}

/** Where a build's published view waits for Astro's content loader: one file per cache folder. */
export const snapshotFile = (cacheDir: string) => path.join(cacheDir, 'nd', 'published-view.json');

export async function writeSnapshot(file: string, snapshot: Snapshot) {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, file);
}

export async function readSnapshot(file: string): Promise<Snapshot> {
  return JSON.parse(await readFile(file, 'utf8')) as Snapshot;
}
