import { digest } from '../lib/digest.ts';
import type { DocumentData, SiteData } from './view-data.ts';

/**
 * The published view with the digest of each entry the content layer holds: the site's and each
 * document's and appendix's, each of all its data. The content layer keeps an entry whose digest did not
 * change as it is. What a page shows, and so its cache key, is its route data (src/site/route-data.ts).
 */
export function withKeys(site: Omit<SiteData, 'key'>, documents: readonly DocumentData[]): { site: SiteData; documents: DocumentData[] } {
  return {
    site: { ...site, key: digest(site) },
    documents: documents.map((doc) => {
      const appendices = doc.appendices.map((appendix) => ({ ...appendix, key: digest({ ...appendix, key: undefined }) }));
      return { ...doc, appendices, key: digest({ ...doc, appendices, key: undefined }) };
    }),
  };
}
