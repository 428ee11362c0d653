/**
 * What `npm run build` hears of each page while Astro writes the site: the logger (page-log.mjs) tells
 * when a reused page is on disk, the last middleware (table-labels-middleware.ts) hands over a rendered
 * page's HTML. Both run inside Astro, out of the build script's reach, so the
 * build leaves one listener on globalThis for the time of the build. page-log.mjs must be JavaScript
 * and repeats the key.
 */
export interface PageEvents {
  /** A page copied from the last build is on disk (`/nd/pt-035/index.html`, as Astro names the file). */
  reused(file: string): void;
  /** A rendered page's HTML, as Astro is about to write it, by address (`/nd/pt-035/`). */
  rendered(address: string, html: string): void;
}

const PAGE_EVENTS = Symbol.for('nd.page-events');
const slot = globalThis as { [PAGE_EVENTS]?: PageEvents };

/** The listener of the build under way; none in `astro dev` or a bare `astro build`. */
export function pageEvents(): PageEvents | undefined {
  return slot[PAGE_EVENTS];
}

/** Runs `build` with `events` listening to its pages, and no longer. */
export async function listeningToPages<T>(events: PageEvents, build: () => Promise<T>): Promise<T> {
  slot[PAGE_EVENTS] = events;
  try {
    return await build();
  } finally {
    delete slot[PAGE_EVENTS];
  }
}
