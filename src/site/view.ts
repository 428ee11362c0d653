import { handedOver } from '../publish/snapshot.ts';
import { assertViewInReach } from './route-guard.ts';
import { siteView, type Site } from './site.ts';

export type { BodySegment } from '../render/render-body.ts';
export type { ViewAppendix, ViewEdition, ViewSuspect } from '../publish/view-data.ts';
export { unitPath, type Site, type SiteDocument } from './site.ts';

let loaded: { generation: number; site: Site } | undefined;

/**
 * The published view as the integration handed it over (src/publish/snapshot.ts), with its lookups made
 * once per view. Not through Astro's content layer: that serialised the whole view into its data store
 * and bundled the store into the build on every build, the slowest part of one at a thousand documents.
 * `astro dev` hands over a new view after each save.
 */
export async function getView(): Promise<Site> {
  // A page keyed by its route data may not read the rest of the view (src/site/route-guard.ts).
  assertViewInReach();
  const handed = handedOver();
  if (!handed) throw new Error('нет опубликованного представления сайта: сборка запущена без подготовки содержимого');
  if (loaded?.generation !== handed.generation) loaded = { generation: handed.generation, site: siteView(handed.view.site, handed.view.documents) };
  return loaded.site;
}

export { formatDate } from '../lib/dates.ts';
