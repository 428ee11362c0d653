import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportMarkdown } from '../../src/import/report.ts';
import type { BatchResult } from '../../src/import/batch.ts';
import { realContent } from '../helpers/content-root.ts';
import { FOREIGN, FORMATS, keptCorpus, PANDOC_EXPECTED, PT035_NAME, pt035Source, staleCorpus, VARIATIONS } from './corpus.ts';
import { byInput, differences, intact } from './corpus-check.ts';
import { plain } from '../../src/import/blocks.ts';
import { importInto, normalise } from './helpers.ts';

/**
 * The corpus LibreOffice and pandoc wrote (see corpus.ts: each variation with its expected result; the
 * files are kept in test/import/corpus/, `npm run test:corpus` writes them again), imported in one batch:
 * DOCX, ODT, DOC, RTF and PDF of every variation, a pandoc DOCX, ПТ-035 as a LibreOffice DOCX and PDF,
 * and CONTRIBUTING.md (a text this corpus did not write) as DOCX, ODT and PDF.
 */
let dir: string;
let files: Record<string, string[]>;
let result: BatchResult & { root: string };
const ptSource = pt035Source();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nd-corpus-'));
  files = keptCorpus();
  // Bad inputs ride in the same batch (and the same LibreOffice call) as the good ones.
  const bad = path.join(dir, 'bad');
  // Lines that differ in letters, not only in numbers (equal lines would be taken for page headers).
  const word = (i: number) => [...i.toString(32)].map((c) => 'абвгдежзийклмнопрстуфхцчшщыэюяёь'[parseInt(c, 32)]).join('');
  const lines = Array.from({ length: 60_000 }, (_, i) => `Требование «${word(i + 1000)}»: работник выполняет его и записывает результат в журнал учёта.`);
  files.bad = [
    ...files.encrypted!,
    await put(bad, 'corrupt.odt', Buffer.from('PK\u0003\u0004не архив')),
    await put(bad, 'broken.rtf', '{\\rtf1 оборван'),
    await put(bad, 'fake.doc', 'это текст, а не документ Word'),
    await put(bad, 'empty.odt', ''),
    await put(bad, 'rg-990 большой.txt', `# Регламент «Большой»\n\n${lines.join('\n\n')}\n`),
    await put(bad, 'table.xlsx', 'PK'),
  ];
  delete files.encrypted;
  result = await importInto(Object.values(files).flat());
}, 600_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("the kept corpus was written from today's sources (else: npm run test:corpus)", () => {
  expect(staleCorpus()).toEqual([]);
});

async function put(folder: string, name: string, content: string | Buffer): Promise<string> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, name), content);
  return path.join(folder, name);
}

const file = (format: string, name: string) => files[format]!.find((f) => path.basename(f, path.extname(f)) === name)!;

describe.each([...FORMATS])('%s written by LibreOffice', (format) => {
  it.each(VARIATIONS.map((v) => [v.name, v] as const))('%s: code, passport, headings, lists, tables, links as expected', async (_name, v) => {
    expect(await differences(byInput(result, file(format, v.name)), v.expected, result.root, format)).toEqual([]);
  });
});

describe('pandoc DOCX', () => {
  it('goals one per item, no empty table, the link kept', async () => {
    expect(await differences(byInput(result, files.pandoc![0]!), PANDOC_EXPECTED, result.root, 'docx')).toEqual([]);
  });
});

describe('ПТ-035 through a LibreOffice DOCX and PDF', () => {
  const hand = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(realContent, 'documents/pt-035/editions/1.0.mdx'), 'utf8'))![1]!) as {
    passport: unknown;
    access: string;
    title: string;
  };
  // The source's paragraphs and list items after the title page, as the round-trip normalisation reads them.
  const start = ptSource.blocks.findIndex((b) => b.kind === 'heading' && /ПОЛИТИКА ГРУППЫ МТС/i.test(plain(b.inlines)));
  const sourceUnits = ptSource.blocks
    .slice(start)
    .flatMap((b) => (b.kind === 'paragraph' ? [plain(b.inlines)] : b.kind === 'list' ? b.items.map((i) => plain(i.inlines)) : []))
    .map(normalise);

  it.each(['docx', 'pdf'])('%s: all passport fields, at least 95 percent of sentences and 90 percent of paragraphs intact, no artefact', async (format) => {
    const r = byInput(result, file(format, PT035_NAME));
    expect(r.error).toBeUndefined();
    expect(r.code).toBe('ПТ-035');
    const mdx = await readFile(path.join(result.root, r.written[0]!), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(mdx)!;
    const data = parse(front) as { passport: unknown; access: string; title: string };
    expect({ title: data.title, access: data.access, passport: data.passport }).toEqual({ title: hand.title, access: hand.access, passport: hand.passport });
    const share = intact(sourceUnits, body);
    expect(share.counted).toBeGreaterThanOrEqual(12);
    expect(share.sentences).toBeGreaterThanOrEqual(0.95);
    expect(share.paragraphs).toBeGreaterThanOrEqual(0.9);
    const text = normalise(body);
    for (const artefact of ['ты знаешь, что можешь', 'checkbox', '☐', 'для неограниченного доступа']) expect(text).not.toContain(artefact);
    expect(body).not.toMatch(/^\d{1,3}$/m); // no page number left as a paragraph
  });
});

describe('a document this corpus did not write (CONTRIBUTING.md via pandoc and LibreOffice)', () => {
  it.each(['docx', 'odt', 'pdf'])('%s imports without --code; every finding of the check is in the report', async (format) => {
    const r = byInput(result, file(format, FOREIGN));
    expect(r.error).toBeUndefined();
    expect(r.code).toBe('ИН-900');
    expect(r.mapped.find((m) => m.field === 'code')?.source).toMatch(/^имя файла/);
    const mdx = await readFile(path.join(result.root, r.written[0]!), 'utf8');
    expect(mdx.match(/^#{2,} /gm)?.length ?? 0).toBeGreaterThan(3);
    const report = reportMarkdown({ ...result, files: [r] }, { dryRun: false, out: 'content' });
    for (const c of r.check) expect(report).toContain(c.message.replace(/\s+/g, ' ').slice(0, 40));
    expect(report).not.toMatch(/ожидалось|expected|undefined/i);
  });
});

describe('bad inputs: a Russian message, nothing written, the batch goes on', () => {
  it.each([
    ['secret.pdf', /PDF защищён паролем/],
    ['corrupt.odt', /LibreOffice не смог открыть файл \.odt/],
    ['broken.rtf', /LibreOffice не смог открыть файл \.rtf/],
    ['fake.doc', /назван \.doc, но это не документ Word/],
    ['empty.odt', /^файл пуст$/],
    ['rg-990 большой.txt', /вышел бы \d+\.\d МБ при пределе проверки 5 МБ: ничего не записано/],
    ['table.xlsx', /неизвестный формат «\.xlsx»/],
  ])('%s', (name, message) => {
    const r = result.files.find((f) => path.basename(f.input) === name)!;
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(message);
    expect(r.written).toEqual([]);
  });
  it('the oversize document left no file behind', () => {
    expect(existsSync(path.join(result.root, 'documents/rg-990'))).toBe(false);
  });
});
