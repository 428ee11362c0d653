import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLegacyMap } from '../../src/import/legacy.ts';
import { LegacyUrls } from '../../src/schemas/legacy-urls.ts';
import { importInto, PT035_SOURCE } from './helpers.ts';
import { docxFixture } from './docx-fixture.ts';

/** Old addresses: --source-url gives each file its address under the old section, a CSV maps addresses to files. */
describe('legacy addresses', () => {
  it('records --source-url and --legacy-map addresses in registries/legacy-urls.json, valid and checked', async () => {
    const tree = await mkdtemp(path.join(tmpdir(), 'nd-legacy-'));
    await mkdir(path.join(tree, 'Регламенты'), { recursive: true });
    const docx = path.join(tree, 'Регламенты', 'rg-301 обращения.docx');
    await writeFile(docx, await docxFixture({ code: 'РГ-301', title: 'Регламент обращений' }));
    const csv = path.join(tree, 'map.csv');
    await writeFile(csv, 'старый адрес;файл\nhttps://intranet.example/sites/nd/Docs/RG301.doc;rg-301 обращения.docx\n/old/missing.doc;нет-такого.docx\n');
    const map = await readLegacyMap(csv);
    expect(map.map((m) => m.line)).toEqual([2, 3]);
    const result = await importInto([path.join(tree, 'Регламенты')], { legacy: { sourceUrl: 'https://intranet.example/nd/', map } });
    const file = result.files[0]!;
    expect(file.code).toBe('РГ-301');
    expect(file.legacy).toEqual([
      'https://intranet.example/nd/rg-301%20%D0%BE%D0%B1%D1%80%D0%B0%D1%89%D0%B5%D0%BD%D0%B8%D1%8F.docx',
      'https://intranet.example/sites/nd/Docs/RG301.doc',
    ]);
    const written = JSON.parse(await readFile(path.join(result.root, 'registries/legacy-urls.json'), 'utf8'));
    expect(LegacyUrls.safeParse(written).success).toBe(true);
    expect(written.redirects).toEqual([
      { from: file.legacy![0], code: 'РГ-301', file: 'rg-301 обращения.docx' },
      { from: 'https://intranet.example/sites/nd/Docs/RG301.doc', code: 'РГ-301', file: 'rg-301 обращения.docx' },
    ]);
    // The map line whose file was not imported is named, never dropped.
    expect(result.legacyProblems).toEqual(['строка 3: «/old/missing.doc» → «нет-такого.docx»: файл не импортирован или не найден среди входных']);
    expect(file.check.filter((c) => c.ruleId === 'registry/legacy-url')).toEqual([]);
  });

  it('keeps an address already recorded for another document and names the conflict', async () => {
    const existing = JSON.stringify({ $schema: '../../schemas/legacy-urls.schema.json', redirects: [{ from: '/nd/policy.pdf', code: 'ПТ-035' }] });
    const other = await mkdtemp(path.join(tmpdir(), 'nd-legacy-'));
    const docx = path.join(other, 'rg-302.docx');
    await writeFile(docx, await docxFixture({ code: 'РГ-302', title: 'Регламент' }));
    const result = await importInto([docx, PT035_SOURCE], {
      files: { 'registries/legacy-urls.json': existing },
      legacy: { map: [{ from: '/nd/policy.pdf', file: 'rg-302.docx', line: 1 }] },
    });
    expect(result.legacyProblems).toEqual(['«/nd/policy.pdf» уже ведёт на ПТ-035; РГ-302 не записан']);
    expect(JSON.parse(await readFile(path.join(result.root, 'registries/legacy-urls.json'), 'utf8')).redirects).toEqual([
      { from: '/nd/policy.pdf', code: 'ПТ-035' },
    ]);
  });
});
