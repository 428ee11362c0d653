import { digest } from '../lib/digest.ts';
import type { DocumentData, SiteData } from '../site/view-data.ts';

/**
 * The published view with its digests: the site's (what every page may show), each document's (what its
 * own pages show) and each appendix's. The content layer keeps an entry whose digest did not change.
 */
export function withKeys(site: Omit<SiteData, 'key'>, documents: readonly DocumentData[]): { site: SiteData; documents: DocumentData[] } {
  const siteData: SiteData = { ...site, key: digest({ ...site, references: undefined }) };
  const titles = new Map(documents.map((d) => [d.code, d.editions.find((e) => e.data.version === d.shownVersion)?.data.title]));
  return { site: siteData, documents: documents.map((doc) => keyed(doc, siteData.key, titles)) };
}

function keyed(doc: DocumentData, siteKey: string, titles: ReadonlyMap<string, string | undefined>): DocumentData {
  // A document's pages name the documents that cite it and its successor, with their titles; its body
  // (links, reference tables) is already in `doc`. Nothing else of other documents reaches them.
  const named = [...doc.citedBy, ...(doc.replacedBy ? [doc.replacedBy] : [])].map((code) => [code, titles.get(code)]);
  // The document's pages list its appendices by number and title only: an appendix's text is its own page's.
  const listed = doc.appendices.map((a) => ({ id: a.id, data: a.data }));
  const key = digest({ doc: { ...doc, appendices: listed }, named, site: siteKey });
  const shown = doc.editions.find((e) => e.data.version === doc.shownVersion);
  const head = {
    code: doc.code,
    state: doc.state,
    current: doc.currentVersion,
    upcoming: doc.upcomingVersion,
    title: shown?.data.title,
    access: shown?.data.access,
    owner: shown?.data.passport.responsibleForDevelopment,
  };
  const appendices = doc.appendices.map((appendix) => ({ ...appendix, key: digest({ appendix: { ...appendix, key: undefined }, head, site: siteKey }) }));
  return { ...doc, appendices, key };
}
