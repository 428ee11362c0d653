import { stat } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { snapshotFile } from 'virtual:nd/view';
import { readSnapshot, type Snapshot } from './publish/snapshot.ts';

/**
 * The published view, as two collections: `documents` (one entry per published document, with its
 * published editions and appendices rendered) and `site` (registries, references, records). Entries
 * carry the digest of what their pages show, so an unchanged entry is kept as it is in the data store.
 */
let snapshot: { stamp: string; view: Promise<Snapshot> } | undefined;
/** Both collections load from one parse of the snapshot; a new snapshot (astro dev, after a save) is read afresh. */
async function read(): Promise<Snapshot> {
  const { mtimeMs, size } = await stat(snapshotFile);
  const stamp = `${mtimeMs}:${size}`;
  if (snapshot?.stamp !== stamp) snapshot = { stamp, view: readSnapshot(snapshotFile) };
  return snapshot.view;
}

const loader = (part: 'documents' | 'site'): Loader => ({
  name: `nd-${part}`,
  load: async ({ store }) => {
    const view = await read();
    const entries =
      part === 'site' ? [{ id: 'site', data: view.site, digest: view.site.key }] : view.documents.map((doc) => ({ id: doc.slug, data: doc, digest: doc.key }));
    const ids = new Set(entries.map((entry) => entry.id));
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    for (const entry of entries) store.set({ id: entry.id, data: entry.data as unknown as Record<string, unknown>, digest: entry.digest });
  },
});

export const collections = {
  documents: defineCollection({ loader: loader('documents') }),
  site: defineCollection({ loader: loader('site') }),
};
