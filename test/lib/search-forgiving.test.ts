import { describe, expect, it } from 'vitest';
import { spacedForIndex } from '../../src/integration/search-index.ts';
import { cssString, printPageCss } from '../../src/lib/print.ts';
import { filtersFromAddress, filtersToAddress, queryWords, rankPartial, russianCount, withoutHiddenAids } from '../../src/lib/search-page.ts';
import { synonymsFor } from '../../src/lib/synonyms.ts';

const aids = ['ПТ-035', 'ПТ035', 'ПТ 035', 'PT-035', 'самообслуживание', 'QMS'];

describe('withoutHiddenAids', () => {
  it('cuts the « | » list out of an excerpt and keeps the highlights around it', () => {
    expect(withoutHiddenAids('<mark>текст</mark> ПТ 035 | <mark>PT-035</mark> | самообслуживание <mark>далее</mark> текст', aids)).toBe(
      '<mark>текст</mark> … <mark>далее</mark> текст',
    );
  });
  it('cuts an aid the excerpt window cut in half at either end', () => {
    expect(withoutHiddenAids('опытом» | <mark>ПТ-035</mark> | ПТ035 | PT', aids)).toBe('опытом» …');
    expect(withoutHiddenAids('… 035 | PT-035 | QMS. Действующая <mark>редакция</mark>', aids)).toBe('Действующая <mark>редакция</mark>');
  });
  it('leaves an excerpt without a list as it is', () => {
    expect(withoutHiddenAids('в соответствии с <mark>ПТ-035</mark>, п. 9.2', aids)).toBe('в соответствии с <mark>ПТ-035</mark>, п. 9.2');
  });
});

describe('russianCount', () => {
  it.each([
    [1, '1 результат'],
    [3, '3 результата'],
    [5, '5 результатов'],
    [11, '11 результатов'],
    [21, '21 результат'],
    [24, '24 результата'],
  ])('%i', (n, text) => {
    expect(russianCount('many_results', n)?.replace('[COUNT]', String(n))).toBe(`${text} по запросу: [SEARCH_TERM]`);
  });
  it('leaves other keys to Pagefind', () => expect(russianCount('placeholder', 2)).toBeUndefined());
});

describe('filters in the address', () => {
  it('round-trip', () => {
    const params = new URLSearchParams('q=аудит');
    filtersToAddress({ тип: ['Приложение', 'Политика'], редакция: { none: ['недействующая'] } }, params);
    expect(params.toString()).toBe(`q=${encodeURIComponent('аудит')}&type=${encodeURIComponent('Приложение')}&type=${encodeURIComponent('Политика')}`);
    expect(filtersFromAddress(params)).toEqual({ тип: ['Приложение', 'Политика'] });
  });
});

describe('partial matches', () => {
  const hit = (id: string, score: number) => ({ id, score, data: async () => ({ url: id, excerpt: '', meta: {} }) });
  it('rank pages by the number of words they hold, then score; at least half the words', () => {
    const ranked = rankPartial([[hit('a', 1), hit('b', 5)], [hit('a', 1), hit('c', 9)], [hit('b', 1)]]);
    expect(ranked.map((h) => [h.id, h.words])).toEqual([
      ['b', 2],
      ['a', 2],
    ]);
  });
  it('split the query into words', () =>
    expect(queryWords('Калибровки, самообслуживание  и политика')).toEqual(['калибровки', 'самообслуживание', 'и', 'политика'].filter((w) => w.length > 1)));
});

describe('synonymsFor', () => {
  const groups = [
    { id: 'self-care', terms: ['self-care', 'самообслуживание'] },
    { id: 'ko', terms: ['КО', 'клиентский опыт', 'CX'] },
  ];
  it('adds the other terms of a group the text mentions, in any inflection', () => {
    expect(synonymsFor('развитие self-care и управление клиентским опытом', groups)).toEqual(['самообслуживание', 'КО', 'CX']);
  });
  it('takes an abbreviation only in capitals: «ко» is a preposition', () => {
    expect(synonymsFor('обращаться ко всем', groups)).toEqual([]);
  });
});

it('spacedForIndex separates cells, items and glossary entries for Pagefind', () => {
  expect(spacedForIndex('<tr><th>Аудитор</th><th>Должность</th></tr><dl><dt>СМК</dt><dd>Система</dd></dl>')).toBe(
    '<tr><th>Аудитор</th> <th>Должность</th> </tr><dl><dt>СМК</dt> <dd>Система</dd> </dl>',
  );
});

describe('print marks', () => {
  it('escape text so it cannot end the CSS string or the style element', () => {
    expect(cssString('«Кавычки» "и" \\ </style>')).toBe('"«Кавычки» \\"и\\" \\\\ \\3c /style>"');
  });
  it('put code, page numbers and the uncontrolled-copy line in the page margins', () => {
    const css = printPageCss({ head: 'ПТ-035 · редакция 1.0', currentUrl: 'https://nd.example.ru/nd/pt-035/', printedOn: '2026-12-02' });
    expect(css).toContain('@top-left { content: "ПТ-035 · редакция 1.0"');
    expect(css).toContain('counter(page) " из " counter(pages)');
    expect(css).toContain('Неконтролируемая копия. Напечатано 02.12.2026; действующая редакция — https://nd.example.ru/nd/pt-035/');
  });
});
