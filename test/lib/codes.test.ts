import { describe, expect, it } from 'vitest';
import { codeSlug, compareNatural, cyrillicPrefixFor, parseCode, toCyrillic } from '../../src/lib/codes.ts';

describe('parseCode', () => {
  it.each([
    ['ПТ-035', 'ПТ', '035'],
    ['ПТ 035', 'ПТ', '035'],
    ['ПТ\u2011035', 'ПТ', '035'],
    ['ПТ035', 'ПТ', '035'],
    ['  СК-7 ', 'СК', '7'],
  ])('reads %j as the canonical code', (text, prefix, number) => {
    expect(parseCode(text)).toEqual({ prefix, number, code: `${prefix}-${number}` });
  });
  it.each(['PT-035', 'ПT-035', 'пт-035', 'ПТ-', '-035', 'ПТ--035', 'ПТПТП-1'])('rejects %j', (text) => {
    expect(parseCode(text)).toBeNull();
  });
});

describe('codeSlug (transliteration for addresses)', () => {
  it.each([
    ['ПТ-035', 'pt-035'],
    ['СК-001', 'sk-001'],
    ['ЩЖХ-12', 'shchzhkh-12'],
    ['ЮЯЁЙ-1', 'iuiaei-1'],
    ['ХХ-001', 'khkh-001'],
  ])('%s → %s', (code, slug) => expect(codeSlug(code)).toBe(slug));
});

describe('Latin look-alikes', () => {
  const known = ['ПТ', 'РК', 'СК'];
  it('maps look-alike capitals to Cyrillic', () => expect(toCyrillic('PKCT')).toBe('РКСТ'));
  it.each([
    ['ПT', 'ПТ'], // Latin T
    ['PT', 'ПТ'], // transliteration of ПТ
    ['PK', 'РК'], // look-alikes of РК
    ['CK', 'СК'],
  ])('%s stands for %s', (prefix, fixed) => expect(cyrillicPrefixFor(prefix, known)).toBe(fixed));
  it.each(['ISO', 'CX', 'ПТ'])('%s is not a mistyped code', (prefix) => expect(cyrillicPrefixFor(prefix, known)).toBeUndefined());
});

describe('compareNatural', () => {
  it('orders versions and codes numerically', () => {
    expect(['1.10', '1.9', '2.0', '1.0'].sort(compareNatural)).toEqual(['1.0', '1.9', '1.10', '2.0']);
  });
});
