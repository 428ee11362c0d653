/**
 * Search equivalents (content/registries/synonyms.json): a page that holds one term of a group gets the
 * group's other terms as hidden, weighted search aids, so a query in either language finds it.
 */

export interface SynonymGroup {
  id: string;
  terms: string[];
}

/** A rough Russian stem: inflected forms («клиентским опытом») share all but the last two letters. */
const stem = (word: string) => (word.length > 4 && /[а-яё]$/i.test(word) ? word.slice(0, -2) : word);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches a term in running text in any inflection, as a whole word or phrase. An abbreviation («КО»,
 * «СМК») matches only as written, in capitals: «ко» is also a preposition.
 */
export function termPattern(term: string): RegExp {
  const abbreviation = /^[\p{Lu}\d-]+$/u.test(term.trim());
  // Russian words take endings («опыт» → «опытом»); Latin words and abbreviations are matched as written.
  const words = term
    .trim()
    .split(/\s+/)
    .map((w) => (/[а-яё]$/i.test(w) && !abbreviation ? `${escape(stem(w))}[\\p{L}]{0,4}` : escape(w)));
  return new RegExp(`(?<![\\p{L}\\d])${words.join('\\s+')}(?![\\p{L}\\d])`, abbreviation ? 'u' : 'iu');
}

/** The terms to add to a page: every term of each group the text mentions, except those it already holds. */
export function synonymsFor(text: string, groups: readonly SynonymGroup[]): string[] {
  const added: string[] = [];
  for (const group of groups) {
    const present = group.terms.map((term) => termPattern(term).test(text));
    if (present.some(Boolean)) added.push(...group.terms.filter((_, i) => !present[i]));
  }
  return added;
}

/** Plain text of rendered HTML, for the test above. */
export const htmlText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ');
