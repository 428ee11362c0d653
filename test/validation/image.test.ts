import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageProblem } from '../../src/validation/rules/ref/image/rule.ts';

/** ref/image beyond its fixture pair: what of an image's address the page can show, against a public/ folder of its own. */
describe('ref/image: whether the page can show the image', () => {
  const publicDir = mkdtempSync(path.join(tmpdir(), 'nd-public-'));
  mkdirSync(path.join(publicDir, 'images/схемы'), { recursive: true });
  writeFileSync(path.join(publicDir, 'images/схемы/процесс аудита.png'), 'png');

  it.each([
    '/images/схемы/процесс аудита.png',
    '/images/%D1%81%D1%85%D0%B5%D0%BC%D1%8B/%D0%BF%D1%80%D0%BE%D1%86%D0%B5%D1%81%D1%81%20%D0%B0%D1%83%D0%B4%D0%B8%D1%82%D0%B0.png',
    '/images/схемы/процесс аудита.png?v=2',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('%s: shown', (url) => {
    expect(imageProblem(url, publicDir)).toBeUndefined();
  });

  it.each([
    ['', /у изображения нет адреса/],
    ['//cdn.example.ru/x.png', /с чужого адреса читатель не увидит/],
    ['file:///C:/Documents/схема.png', /с чужого адреса читатель не увидит/],
    ['схема.png', /считается от адреса страницы/],
    ['/images/../../etc/passwd', /выходит за пределы сайта/],
    ['/images/%E0%A4%A.png', /испорчен/],
    ['/images/схемы', /изображения «\/images\/схемы» нет/],
    ['/images/схемы/другая.png', /файла public\/images\/схемы\/другая\.png нет/],
  ])('%j: %s', (url, reason) => {
    expect(imageProblem(url, publicDir)).toMatch(reason);
  });
});
