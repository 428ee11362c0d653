import { getCollection, getEntry } from 'astro:content';
import { assertViewInReach } from './route-guard.ts';
import { siteView, type Site } from './site.ts';
import type { DocumentData, SiteData } from '../publish/view-data.ts';

export type { BodySegment } from '../render/render-body.ts';
export type { ViewAppendix, ViewEdition, ViewSuspect } from '../publish/view-data.ts';
export { unitPath, type Site, type SiteDocument } from './site.ts';

let loaded: Promise<Site> | undefined;

/** Reads the published view from the content layer once per build. */
export function getView(): Promise<Site> {
  // A page keyed by its route data may not read the rest of the view (src/site/route-guard.ts).
  assertViewInReach();
  // astro dev re-publishes on every save: read the content layer afresh for each page there.
  if (import.meta.env.DEV) return load();
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Site> {
  const [siteEntry, documentEntries] = await Promise.all([getEntry('site', 'site'), getCollection('documents')]);
  if (!siteEntry) throw new Error('нет опубликованного представления сайта: сборка запущена без подготовки содержимого');
  return siteView(
    siteEntry.data as unknown as SiteData,
    documentEntries.map((entry) => entry.data as unknown as DocumentData),
  );
}

export { formatDate } from '../lib/dates.ts';
