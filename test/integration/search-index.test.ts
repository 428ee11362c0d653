/**
 * What the built index holds, read from Pagefind's own files: a fixture with editions in every state
 * (ПР-901: 1.0 past, 2.0 in force, 3.0 future; ПР-902 cancelled; ПР-903 confidential).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../helpers/build-site.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { distTexts } from '../helpers/dist-scan.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

let build: BuildResult;
let fragments: Map<string, Fragment>;
let entry: { languages: Record<string, { page_count: number }> };

beforeAll(async () => {
  build = await sharedBuild('editions', { date: '2025-03-01' });
  const texts = await distTexts(build.outDir);
  fragments = new Map(
    [...texts]
      .filter(([file]) => file.endsWith('.pf_fragment'))
      .map(([, text]) => JSON.parse(text.replace(/^pagefind_dcd/, '')) as Fragment)
      .map((f) => [f.url, f]),
  );
  entry = JSON.parse(texts.get('pagefind/pagefind-entry.json') ?? '{}');
});

describe('the search index', () => {
  it('is built with the site, in Russian', () => {
    expect(build.code).toBe(0);
    expect(Object.keys(entry.languages)).toEqual(['ru']);
    expect(entry.languages.ru?.page_count).toBe(fragments.size);
    expect(build.stdout).toMatch(/страниц в индексе \d+ из \d+, из них недействующих редакций 3/);
  });

  it('holds the document in force with its filters and result metadata', () => {
    const doc = fragments.get('/nd/pr-901/');
    expect(doc?.filters).toMatchObject({ статус: ['Действует'], доступ: [expect.any(String)], подразделение: [expect.any(String)], тип: [expect.any(String)] });
    expect(doc?.filters.редакция).toBeUndefined();
    expect(doc?.meta).toMatchObject({ code: 'ПР-901', edition: '2.0', effective: '1 июня 2024 г.', status: 'Действует' });
  });

  it('holds editions not in force only under «редакция: недействующая»', () => {
    for (const url of ['/nd/pr-901/1.0/', '/nd/pr-901/3.0/', '/nd/pr-902/', '/nd/pr-902/1.0/']) {
      expect(fragments.get(url)?.filters.редакция, url).toEqual(['недействующая']);
    }
  });

  it('does not hold the pinned copy of the edition in force, nor anything confidential', () => {
    expect(fragments.has('/nd/pr-901/2.0/')).toBe(false);
    expect([...fragments.keys()].filter((url) => url.includes('pr-903'))).toEqual([]);
  });

  it('keeps navigation chrome out of page text', () => {
    const doc = fragments.get('/nd/pr-901/');
    expect(doc?.content).not.toContain('Реестр НД');
    expect(doc?.content).not.toContain('История редакций');
  });

  it('holds code spellings and synonyms as metadata only, never in the text excerpts are cut from', () => {
    const doc = fragments.get('/nd/pr-901/');
    expect(doc?.meta.aliases?.split(' ')).toEqual(expect.arrayContaining(['ПР901', 'PR-901', 'PR901']));
    expect(fragments.get('/nd/pr-901/1.0/')?.meta.related_aliases).toContain('PR-901');
    const policy = fragments.get('/nd/pt-035/');
    expect(policy?.meta.synonyms).toContain('самообслуживание');
    for (const [url, fragment] of fragments) {
      expect(fragment.content, url).not.toMatch(/ПР901|PR-901|PR 901|ПТ035|PT-035|PT 035|ISO19011|ИСО19011|самообслуживание|самостоятельное обслуживание|\|/i);
      expect(Object.keys(fragment.meta), url).not.toContain('hidden');
    }
  });
});
