import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { check } from '../../src/validation/check.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nd-corpus-'));
  dirs.push(dir);
  return path.join(dir, 'content');
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file under a root, relative path → bytes. */
function files(root: string): Array<[string, Buffer]> {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => [path.relative(root, file).split(path.sep).join('/'), readFileSync(file)] as [string, Buffer])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function treeHash(root: string): string {
  const hash = createHash('sha256');
  for (const [rel, bytes] of files(root)) hash.update(rel).update('\0').update(bytes).update('\0');
  return hash.digest('hex');
}

describe('generateCorpus', () => {
  it('gives identical files for the same seed and different files for another seed', () => {
    const a = fresh();
    const b = fresh();
    const c = fresh();
    generateCorpus({ docs: 15, seed: 7, out: a });
    generateCorpus({ docs: 15, seed: 7, out: b });
    generateCorpus({ docs: 15, seed: 8, out: c });
    expect(treeHash(a)).toBe(treeHash(b));
    expect(treeHash(a)).not.toBe(treeHash(c));
  });

  it('regenerates into the same folder, but never overwrites a folder it did not create', () => {
    const out = fresh();
    generateCorpus({ docs: 5, seed: 1, out });
    const first = treeHash(out);
    generateCorpus({ docs: 5, seed: 1, out });
    expect(treeHash(out)).toBe(first);
    const foreign = fresh();
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'keep.txt'), 'не генератора');
    expect(() => generateCorpus({ docs: 5, seed: 1, out: foreign })).toThrow(/не пуста/);
    expect(readFileSync(path.join(foreign, 'keep.txt'), 'utf8')).toBe('не генератора');
  });

  it('writes a corpus of 20 documents that passes the checker, with editions of 9–15 KB', async () => {
    const root = fresh();
    const result = generateCorpus({ docs: 20, seed: 2026, out: root });
    expect(result.documents).toBe(20);
    // At the generator's own date (its LAST_DATE, the date `npm run bench` checks at): an edition it
    // approved in spring 2026 is not yet approved on an earlier date (edition/status).
    const { errors, messages } = await check({ root, buildDate: '2026-06-01', sites: internalSites('2026-06-01') });
    // Random dates and editions make review warnings and suspect references real in the corpus: they are findings, not defects of the generator.
    const CALENDAR = ['edition/review-due', 'edition/review-overdue', 'ref/suspect'];
    expect(messages.filter((m) => !CALENDAR.includes(m.ruleId ?? '')).map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([]);
    expect(errors).toBe(0);

    const documents = path.join(root, 'documents');
    const generated = readdirSync(documents).filter((folder) =>
      readFileSync(path.join(documents, folder, 'editions', readdirSync(path.join(documents, folder, 'editions'))[0] ?? ''), 'utf8').includes(
        'Сгенерированный документ',
      ),
    );
    expect(generated).toHaveLength(20);
    let editions = 0;
    let multi = 0;
    for (const folder of generated) {
      const names = readdirSync(path.join(documents, folder, 'editions'));
      if (names.length > 1) multi++;
      for (const name of names) {
        const file = path.join(documents, folder, 'editions', name);
        const size = statSync(file).size;
        expect(size, file).toBeGreaterThanOrEqual(9 * 1024);
        expect(size, file).toBeLessThanOrEqual(15 * 1000);
        const text = readFileSync(file, 'utf8');
        expect(text).toMatch(/^## /m);
        expect(text).toMatch(/^### /m);
        expect(text).toMatch(/^\| --- \|/m);
        expect(text).toMatch(/<Role id="[a-z-]+">/);
        editions++;
      }
    }
    expect(editions).toBe(result.editions);
    expect(multi).toBeGreaterThan(0);
    const all = files(documents)
      .map(([, bytes]) => bytes.toString('utf8'))
      .join('\n');
    expect(all).toMatch(/ISO 9001:2015/);
    expect(all).toMatch(/Приложени[а-я]* \d/);
    expect(all).toMatch(/(?:^|[^\p{L}])(?:ПТ|ПЛ|ПР|РГ|РК|ИН|СК)-\d{3}/u);
  });
});
