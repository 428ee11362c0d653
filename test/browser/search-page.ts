import type { Page } from 'playwright-core';

export { launchChromium } from '../../scripts/chromium.ts';

export interface ShownResult {
  /** Path of the result's page, `/nd/pt-035/`. */
  path: string;
  code: string;
  title: string;
  status: string;
  edition: string;
  /** Links of the sub-results (matching headings / clauses), as paths with their #anchor. */
  anchors: string[];
}

/** Page object over /search/: Pagefind's Component UI as a person uses it. */
export class SearchPage {
  readonly page: Page;
  readonly base: string;
  constructor(page: Page, base: string) {
    this.page = page;
    this.base = base;
  }

  input() {
    return this.page.locator('pagefind-input input');
  }

  /** Opens /search/ (with ?q= as the header field submits it) and starts watching Pagefind's searches. */
  async open(query?: string): Promise<void> {
    await this.page.goto(`${this.base}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`);
    await this.attach(query);
  }

  /** Starts watching the /search/ page already open; with a query, waits for the search the address asked for. */
  async attach(query?: string): Promise<void> {
    await this.input().waitFor();
    await this.page.waitForFunction(() => 'PagefindComponents' in window);
    await this.page.evaluate(() => {
      const w = window as unknown as NdWindow;
      const instance = w.PagefindComponents.getInstanceManager().getInstance('default');
      w.__nd = { term: '', done: null, count: 0 };
      instance.on('search', (term: string) => {
        w.__nd.term = term;
      });
      instance.on('results', () => {
        w.__nd.done = w.__nd.term;
        w.__nd.count += 1;
      });
    });
    if (query) {
      // The page searched on its own, maybe before the watch began: wait for its summary instead.
      const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await this.page
        .locator('pagefind-summary')
        .filter({ hasText: new RegExp(`^\\s*\\d+ результат.*: ${escaped}\\s*$`) })
        .waitFor();
      await this.waitForRendered();
    }
  }

  /** Types a query into Pagefind's input and waits until its results are shown. */
  async search(query: string): Promise<ShownResult[]> {
    await this.input().fill(query);
    await this.page.waitForFunction((q) => (window as unknown as NdWindow).__nd.done === q, query);
    await this.waitForRendered();
    return this.results();
  }

  /** Every result shown has its data loaded (the viewport is tall enough for all of them). */
  private async waitForRendered(): Promise<void> {
    await this.page.waitForFunction(() =>
      [...document.querySelectorAll('pagefind-results ul.pf-results > li')].every((li) => li.classList.contains('nd-result')),
    );
  }

  async results(): Promise<ShownResult[]> {
    return this.page.$$eval('pagefind-results li.nd-result', (items) =>
      items.map((li) => {
        const text = (selector: string) => li.querySelector(selector)?.textContent?.trim() ?? '';
        const path = (a: Element | null) => (a ? decodeURI(new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash) : '');
        return {
          path: path(li.querySelector('.nd-result-title a')),
          code: text('.nd-result-code'),
          title: text('.nd-result-title'),
          status: text('.nd-result-status'),
          edition: text('.nd-result-edition'),
          anchors: [...li.querySelectorAll('.nd-sub-results a')].map((a) => path(a)),
        };
      }),
    );
  }

  async summary(): Promise<string> {
    return (await this.page.locator('pagefind-summary').textContent())?.trim() ?? '';
  }

  /** Ticks a value in one of Pagefind's filter dropdowns and waits for the filtered results. */
  async selectFilter(filter: string, value: string): Promise<ShownResult[]> {
    const dropdown = this.page.locator(`pagefind-filter-dropdown[filter="${filter}"]`);
    await dropdown.locator('[role=combobox]').click();
    await this.whileResultsChange(() => dropdown.locator(`[role=option][data-value="${value}"]`).click());
    await this.page.keyboard.press('Escape');
    return this.results();
  }

  async filterOptions(filter: string): Promise<string[]> {
    return this.page.$$eval(`pagefind-filter-dropdown[filter="${filter}"] [role=option]`, (options) => options.map((o) => o.getAttribute('data-value') ?? ''));
  }

  async includeArchived(on: boolean): Promise<ShownResult[]> {
    await this.whileResultsChange(() => this.page.locator('#search-archived').setChecked(on));
    return this.results();
  }

  /** Runs an action that re-runs the search, and waits for the new results to be rendered. */
  private async whileResultsChange(action: () => Promise<void>): Promise<void> {
    const before = await this.page.evaluate(() => (window as unknown as NdWindow).__nd.count);
    await action();
    await this.page.waitForFunction((n) => (window as unknown as NdWindow).__nd.count > n, before);
    await this.waitForRendered();
  }
}

interface NdWindow {
  PagefindComponents: { getInstanceManager(): { getInstance(name: string): { on(event: string, callback: (term: string) => void): void } } };
  __nd: { term: string; done: string | null; count: number };
}
