import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RenderCache } from '../../src/render/render-cache.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'nd-render-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One build's pass over `texts`: renders what the cache lacks, saves, and says what it rendered. */
async function pass(file: string, texts: string[]) {
  const cache = new RenderCache<string>(file);
  cache.begin('контекст');
  const made: string[] = [];
  const values = texts.map((text) => cache.get(text, () => (made.push(text), `<p>${text}</p>`)));
  cache.end();
  await cache.save();
  return { values, made };
}

/** Sets the file's time back, so that a rewrite shows. */
const age = (file: string) => {
  utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
  return statSync(file).mtimeMs;
};

describe('RenderCache', () => {
  it('renders a text once across builds, and writes its file only when its entries changed', async () => {
    const file = path.join(dir, 'render.bin');
    expect((await pass(file, ['а', 'б'])).made).toEqual(['а', 'б']);
    const before = age(file);
    const again = await pass(file, ['а', 'б']);
    expect(again).toEqual({ values: ['<p>а</p>', '<p>б</p>'], made: [] });
    expect(statSync(file).mtimeMs).toBe(before); // nothing new: not rewritten
    expect((await pass(file, ['а', 'в'])).made).toEqual(['в']);
    expect(statSync(file).mtimeMs).not.toBe(before);
    const after = age(file);
    // An entry no longer used is dropped: the file is rewritten although nothing was rendered.
    expect((await pass(file, ['а'])).made).toEqual([]);
    expect(statSync(file).mtimeMs).not.toBe(after);
    expect((await pass(file, ['а', 'в'])).made).toEqual(['в']);
  });
});
