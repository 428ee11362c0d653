/**
 * What the search index knows about a page besides its text: filter names, the archive marker and the
 * spellings people type for codes and standards. Pages render these through SearchMeta.astro; the
 * indexer (src/integration/search-index.ts) and the search page read the same constants.
 */

/** Pagefind filter keys, in Russian because the UI shows them as they are. */
export const SEARCH_FILTERS = {
  type: 'тип',
  status: 'статус',
  owner: 'подразделение',
  access: 'доступ',
  /** Set only on editions that are not in force; the search page excludes it unless asked. */
  edition: 'редакция',
} as const;

/** Value of the `редакция` filter on pages that show an edition not in force. */
export const ARCHIVED_EDITION = 'недействующая';

/** Characters Pagefind keeps inside words, so «ПТ-035», «9001:2015» and «9.2» stay one token as well as their parts. */
export const INCLUDE_CHARACTERS = '-:.';

/**
 * Metadata fields that are searched but never shown: a page's other code spellings and the synonyms of
 * its terms (SearchMeta.astro). Pagefind searches metadata besides the text and boosts a page by the
 * field's weight; an excerpt is cut from the text only, so these never appear in one.
 */
export const SEARCH_META = {
  /** Spellings of the code or designation of the page it names (the document in force, a current standard). */
  aliases: 'aliases',
  /** Spellings on pages about it: an appendix, an edition not in force, a withdrawn standard. */
  relatedAliases: 'related_aliases',
  synonyms: 'synonyms',
} as const;

/**
 * Pagefind ranking for this site (docs: «Customize ranking», «Configuring Metadata Weights»). Normative
 * documents are long and cite one another's codes; with the defaults a short appendix or the glossary
 * outranks the document a code names. Code spellings and headings matter more, page length less.
 */
export const SEARCH_RANKING = {
  termFrequency: 0.3,
  pageLength: 0.1,
  metaWeights: { title: 5, [SEARCH_META.aliases]: 12, [SEARCH_META.relatedAliases]: 4, [SEARCH_META.synonyms]: 2 },
} as const;

/**
 * Options the search page passes to Pagefind. `noWorker`: starting Pagefind's web worker costs the first
 * query 100–150 ms here, more than the search itself takes on the main thread (measured by
 * `npm run bench:search` on 1,000 documents).
 */
export const SEARCH_OPTIONS = { ranking: SEARCH_RANKING, noWorker: true } as const;

/** Latin letters that people type for a Cyrillic prefix (transliteration and look-alikes). */
const LATIN_FOR: Readonly<Record<string, string>> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'E',
  Ж: 'ZH',
  З: 'Z',
  И: 'I',
  Й: 'I',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TS',
  Ч: 'CH',
  Ш: 'SH',
  Щ: 'SHCH',
  Ы: 'Y',
  Э: 'E',
  Ю: 'IU',
  Я: 'IA',
  Ё: 'E',
};

/**
 * Spellings of a document code that should find it: «ПТ-035» → ПТ-035, ПТ035, ПТ 035, PT-035, PT035, PT 035.
 * Pagefind lower-cases, so case variants are not listed.
 */
export function codeAliases(code: string): string[] {
  const match = /^([^-]+)-(.+)$/.exec(code);
  if (!match) return [code];
  const [, prefix = '', number = ''] = match;
  const latin = [...prefix].map((ch) => LATIN_FOR[ch] ?? ch).join('');
  const spellings = [prefix, latin].flatMap((p) => [`${p}-${number}`, `${p}${number}`, `${p} ${number}`]);
  return [...new Set(spellings)];
}

/**
 * Spellings of a standard's designation: «ISO 9001:2015» → ISO 9001, ISO9001, ИСО 9001, ГОСТ Р ИСО 9001, ISO 9001:2015, ISO 9001-2015.
 * People cite undated («ISO 19011») and in Russian («ИСО 9001»).
 */
export function standardAliases(designation: string): string[] {
  const match = /^([A-Z]+)\s+(\d+(?:-\d+)?)(?::(\d{4}))?$/.exec(designation.trim());
  if (!match) return [designation];
  const [, body = '', number = '', year] = match;
  const cyrillicBody = body === 'ISO' ? 'ИСО' : body === 'IEC' ? 'МЭК' : body;
  const spellings = [`${body} ${number}`, `${body}${number}`, `${cyrillicBody} ${number}`, `${cyrillicBody}${number}`, `ГОСТ Р ${cyrillicBody} ${number}`];
  if (year) spellings.push(`${body} ${number}:${year}`, `${body} ${number}-${year}`, `${cyrillicBody} ${number}-${year}`);
  return [...new Set(spellings)];
}
