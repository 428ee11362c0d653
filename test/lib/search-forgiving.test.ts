import { describe, expect, it } from 'vitest';
import { spacedForIndex } from '../../src/integration/search-index.ts';
import { cssString, printPageCss } from '../../src/lib/print.ts';
import { filtersFromAddress, filtersToAddress } from '../../src/lib/search-address.ts';
import { partialNote, queryWords, rankPartial, wordSubsets } from '../../src/lib/search-forgiving.ts';
import { russianCount, russianLabel } from '../../src/lib/search-russian.ts';
import { synonymsFor } from '../../src/lib/synonyms.ts';

const aids = ['ПТ-035', 'ПТ035', 'ПТ 035', 'PT-035', 'самообслуживание', 'QMS'];

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
  it('try every set of all words but one, then fewer, down to half of them; never a word no page has', () => {
    expect(wordSubsets(['a', 'b', 'c'])).toEqual([
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
    ]);
    expect(wordSubsets(['a', 'b', 'c', 'd'], new Set(['d']))).toEqual([
      [['a', 'b', 'c']],
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
    ]);
    expect(wordSubsets(['a', 'b'])).toEqual([[['a'], ['b']]]);
  });
  it('rank the pages of the first level that finds any, each once under its best set, naming the words it lacks', () => {
    const words = ['a', 'b', 'c'];
    const levels = wordSubsets(words);
    const ranked = rankPartial(words, levels, [[[hit('x', 1), hit('y', 5)], [hit('x', 3)], []]]);
    expect(ranked.map((h) => [h.id, h.without])).toEqual([
      ['y', ['c']],
      ['x', ['b']],
    ]);
    expect(rankPartial(words, levels, [[[], [], []]])).toEqual([]);
  });
  it('say which words are left out', () => {
    expect(partialNote(['календарь'], true)).toBe('Слова «календарь» нет ни на одной странице; показаны страницы с остальными словами запроса.');
    expect(partialNote([], false)).toBe('Нет страниц со всеми словами; показаны страницы с частью слов.');
    expect(partialNote(['x', 'y'], false)).toBe(
      'Слов «x», «y» нет ни на одной странице, а страниц со всеми остальными словами нет; показаны страницы с частью слов.',
    );
  });
  it('split the query into words', () =>
    expect(queryWords('Калибровки, самообслуживание  и политика')).toEqual(['калибровки', 'самообслуживание', 'и', 'политика'].filter((w) => w.length > 1)));
});

describe('Pagefind’s English labels in Russian', () => {
  it.each([
    ['Политика, 1 result', 'Политика: 1 результат'],
    ['Приложение, 3 results', 'Приложение: 3 результата'],
    ['Действует, 25 results', 'Действует: 25 результатов'],
    ['Фильтр «Тип», 1 filter selected', 'Фильтр «Тип»: выбран 1 фильтр'],
    ['Фильтр «Тип», 2 filters selected', 'Фильтр «Тип»: выбрано 2 фильтра'],
    ['Loading filter options...', 'Загрузка значений фильтра…'],
    ['No filter "тип" found', 'Фильтра «тип» нет'],
  ])('%s', (english, russian) => expect(russianLabel(english)).toBe(russian));
  it('leaves Russian alone', () => expect(russianLabel('Политика: 1 результат')).toBeUndefined());
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
