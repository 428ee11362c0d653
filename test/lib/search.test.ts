import { describe, expect, it } from 'vitest';
import { codeAliases, standardAliases } from '../../src/lib/search.ts';
import { withArchivePolicy } from '../../src/lib/search-address.ts';
import { isSearchShortcut, isTypingTarget } from '../../src/lib/search-shortcut.ts';

describe('codeAliases', () => {
  it('lists the spellings people type for a code, Cyrillic and Latin', () => {
    expect(codeAliases('ПТ-035')).toEqual(['ПТ-035', 'ПТ035', 'ПТ 035', 'PT-035', 'PT035', 'PT 035']);
  });
  it('transliterates multi-letter sounds', () => expect(codeAliases('ЩЖ-1')).toContain('SHCHZH-1'));
  it('leaves a value that is not a code alone', () => expect(codeAliases('Глоссарий')).toEqual(['Глоссарий']));
});

describe('standardAliases', () => {
  it('gives undated, Russian and GOST spellings of a dated ISO standard', () => {
    const aliases = standardAliases('ISO 9001:2015');
    for (const a of ['ISO 9001', 'ISO9001', 'ИСО 9001', 'ГОСТ Р ИСО 9001', 'ISO 9001:2015', 'ISO 9001-2015']) expect(aliases).toContain(a);
  });
  it('handles an undated designation', () =>
    expect(standardAliases('ISO 19011')).toEqual(['ISO 19011', 'ISO19011', 'ИСО 19011', 'ИСО19011', 'ГОСТ Р ИСО 19011']));
  it('keeps an unknown designation as it is', () => expect(standardAliases('СТО 1.2-3')).toEqual(['СТО 1.2-3']));
});

describe('withArchivePolicy', () => {
  it('excludes non-current editions by default and keeps the other filters', () => {
    expect(withArchivePolicy({ тип: ['Политика'] }, 'редакция', 'недействующая', false)).toEqual({ тип: ['Политика'], редакция: { none: ['недействующая'] } });
  });
  it('drops the exclusion when non-current editions are asked for', () => {
    expect(withArchivePolicy({ тип: ['Политика'], редакция: { none: ['недействующая'] } }, 'редакция', 'недействующая', true)).toEqual({ тип: ['Политика'] });
  });
});

describe('search shortcut', () => {
  const body = { tagName: 'BODY' } as unknown as EventTarget;
  const input = { tagName: 'INPUT' } as unknown as EventTarget;
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}, target: EventTarget | null = body) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
    target,
  });
  it('«/» outside a text field', () => expect(isSearchShortcut(key('/'))).toBe(true));
  it('not «/» typed into a field', () => expect(isSearchShortcut(key('/', {}, input))).toBe(false));
  it('Ctrl+K and ⌘K anywhere, even in a field', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }, input))).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }))).toBe(true);
  });
  it('not plain K nor Ctrl+Alt+K', () => {
    expect(isSearchShortcut(key('k'))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false);
  });
  it('treats contenteditable as typing', () => expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true));
});
