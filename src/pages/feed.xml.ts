import type { APIRoute } from 'astro';
import { getView } from '../site/view.ts';
import { atomFeed, feedEntries } from '../site/feed.ts';

/** `/feed.xml`: Atom feed of new and changed editions of the published documents. */
export const GET: APIRoute = async () => {
  const site = await getView();
  return new Response(atomFeed(site, feedEntries(site)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
