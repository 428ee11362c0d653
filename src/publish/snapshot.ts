import type { DocumentData, SiteData } from './view-data.ts';

export interface Snapshot {
  site: SiteData;
  documents: DocumentData[];
}

/**
 * How the published view reaches the pages. Astro renders them in the process that prepared the view
 * (`npm run build`, a bare `astro build`, `astro dev`), so it is handed over in memory under a
 * process-wide key: writing it out as JSON and parsing it back took seconds per build and held a second
 * copy of the view at a thousand documents. Each hand-over has a new generation: `astro dev` hands over
 * a new view after each save, and pages (src/site/view.ts) see that it is new.
 */
const KEY = Symbol.for('nd.published-view');

export interface HandedOver {
  view: Snapshot;
  generation: number;
}

const slot = globalThis as typeof globalThis & { [KEY]?: HandedOver };

export function handOver(view: Snapshot): void {
  slot[KEY] = { view, generation: (slot[KEY]?.generation ?? 0) + 1 };
}

/** The view last handed over in this process, if any. */
export function handedOver(): HandedOver | undefined {
  return slot[KEY];
}
