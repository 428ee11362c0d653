import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artefactsRemoved } from '../../src/import/cleanup.ts';
import { readText } from '../../src/import/read-text.ts';
import { reportMarkdown } from '../../src/import/report.ts';
import type { BatchResult } from '../../src/import/batch.ts';
import { realContent } from '../helpers/content-root.ts';
import { blocksToFodt, buildCorpus, FOREIGN, FORMATS, PANDOC_EXPECTED, VARIATIONS } from './corpus.ts';
import { byInput, differences } from './corpus-check.ts';
import { importInto, normalise, PT035_SOURCE } from './helpers.ts';

/**
 * The corpus LibreOffice and pandoc write (see corpus.ts: each variation with its expected result),
 * imported in one batch: DOCX, ODT, DOC, RTF and PDF of every variation, a pandoc DOCX, ПТ-035 as a
 * LibreOffice DOCX and PDF, and CONTRIBUTING.md (a text this corpus did not write) as DOCX, ODT and PDF.
 */
let dir: string;
let files: Record<string, string[]>;
let result: BatchResult & { root: string };
const ptSource = artefactsRemoved(readText(await readFile(PT035_SOURCE, 'utf8')));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nd-corpus-'));
  files = await buildCorpus(dir, [{ name: 'pt-035', fodt: blocksToFodt(ptSource.blocks) }]);
  result = await importInto(Object.values(files).flat());
}, 600_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

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
  // The source's paragraphs and sentences after the title page, as the round-trip test counts them.
  const start = ptSource.blocks.findIndex((b) => b.kind === 'heading' && /ПОЛИТИКА ГРУППЫ МТС/i.test(b.inlines.map((i) => i.text).join('')));
  const paragraphs = ptSource.blocks
    .slice(start)
    .filter((b) => b.kind === 'paragraph')
    .map((b) => normalise(b.inlines.map((i) => i.text).join('')))
    .filter((t) => t.length > 40);
  const sentences = paragraphs.flatMap((t) => t.split(/(?<=[.;!?])\s+/)).filter((t) => t.length > 10);

  it.each(['docx', 'pdf'])('%s: all passport fields, ≥ 95 %% of sentences, ≥ 90 %% of paragraphs intact, no artefact', async (format) => {
    const r = byInput(result, file(format, 'pt-035'));
    expect(r.error).toBeUndefined();
    expect(r.code).toBe('ПТ-035');
    const mdx = await readFile(path.join(result.root, r.written[0]!), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(mdx)!;
    const data = parse(front) as { passport: unknown; access: string; title: string };
    expect({ title: data.title, access: data.access, passport: data.passport }).toEqual({ title: hand.title, access: hand.access, passport: hand.passport });
    const mdxParagraphs = body.split(/\n{2,}/).map(normalise);
    const text = normalise(body);
    const intactSentences = sentences.filter((s) => text.includes(s)).length / sentences.length;
    const intactParagraphs = paragraphs.filter((p) => mdxParagraphs.includes(p)).length / paragraphs.length;
    expect(paragraphs.length).toBeGreaterThan(10);
    expect(intactSentences).toBeGreaterThanOrEqual(0.95);
    expect(intactParagraphs).toBeGreaterThanOrEqual(0.9);
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
