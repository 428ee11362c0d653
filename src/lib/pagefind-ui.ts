/** The part of Pagefind's Component UI the search page uses, as types (its JavaScript is Pagefind's own). */

export type Filters = Record<string, unknown>;

/** The part of Pagefind's documented instance API used here (docs: Component UI → Building custom components). */
export interface PagefindInstance {
  searchTerm: string;
  searchFilters: Filters;
  triggerSearchWithFilters(term: string, filters: Filters): void;
  triggerFilters(filters: Filters): void;
  triggerLoad(): Promise<void>;
  on(event: 'search', callback: (term: string, filters: Filters) => void): void;
  translate(key: string, vars?: Record<string, unknown>): string;
}

declare global {
  interface Window {
    PagefindComponents?: {
      getInstanceManager(): { getInstance(name: string): PagefindInstance };
      configureInstance(name: string, options: Record<string, unknown>): PagefindInstance;
    };
  }
}
