import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BatchResult, FileResult } from '../../src/import/batch.ts';
import type { Expected } from './corpus.ts';
import { normalise } from './helpers.ts';

/** What differs between one imported file and its expectation, as readable lines (empty: all as expected). */
export async function differences(result: FileResult, expected: Expected, root: string, format: string): Promise<string[]> {
  const out: string[] = [];
  const pdf = format === 'pdf';
  if (result.status === 'failed') return [`не импортирован: ${result.error}`];
  if (result.code !== expected.code) out.push(`код ${result.code} ≠ ${expected.code}`);
  const codeSource = result.mapped.find((m) => m.field === 'code')?.source ?? '';
  const wantSource = pdf ? (expected.pdfCodeSource ?? expected.codeSource) : expected.codeSource;
  if (!codeSource.startsWith(wantSource)) out.push(`код найден в «${codeSource}», ожидалось «${wantSource}»`);
  if (expected.title && result.title !== expected.title) out.push(`наименование «${result.title}» ≠ «${expected.title}»`);
  const rel = result.written.find((w) => w.includes('/editions/'));
  const text = rel ? await readFile(path.join(root, rel), 'utf8') : '';
  const [, front = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(text) ?? [];
  for (const [field, value] of Object.entries(expected.fields ?? {})) {
    if (field === 'version') {
      // The version the document states; the file may be the next one when a batch brings the same document twice.
      const read = result.mapped.find((m) => m.field === 'version')?.value;
      if (read !== value) out.push(`version: «${read}» ≠ «${value}»`);
      continue;
    }
    const line = new RegExp(`^${field}: (.*)$`, 'm').exec(front)?.[1]?.replace(/^"|"$/g, '');
    if (line !== value) out.push(`${field}: «${line}» ≠ «${value}»`);
  }
  if (expected.owner && !new RegExp(`responsibleForDevelopment:\\n\\s+unit: ${expected.owner}`).test(front)) out.push(`владелец не ${expected.owner}`);
  if (expected.goals !== undefined) {
    const goals = /goals:\n((?:\s+- .*\n)+)/.exec(front)?.[1]?.trim().split('\n').length ?? 0;
    if (goals !== expected.goals) out.push(`целей ${goals} ≠ ${expected.goals}`);
  }
  const lines = body.split('\n');
  for (const want of [...(expected.mdx ?? []), ...(pdf ? [] : (expected.mdxNotPdf ?? []))]) {
    if (!lines.some((l) => l.startsWith(want) || (want.length > 12 && l.includes(want)))) out.push(`нет строки «${want}»`);
  }
  for (const not of [...(expected.notMdx ?? []), ...(pdf ? [] : (expected.notMdxNotPdf ?? []))]) if (body.includes(not)) out.push(`лишнее «${not}»`);
  if (!pdf) {
    const reported = [...result.dropped.map((d) => `${d.text} ${d.reason}`), ...result.guessed.map((g) => `${g.original} ${g.reason}`)].join('\n');
    for (const re of expected.reported ?? []) if (!re.test(reported)) out.push(`в отчёте нет ${re}`);
  }
  return out;
}

export const byInput = (result: BatchResult, file: string) => result.files.find((f) => f.input === file)!;

/** Paragraphs and list items of a text, each as the round-trip normalisation reads it, list markers aside. */
export const units = (mdxBody: string) =>
  mdxBody
    .split(/\n{2,}/)
    .flatMap((block) => (/^\s*(\d+\\?\.|-)\s/.test(block) ? block.split('\n') : [block]))
    .map((u) => normalise(u.replace(/^\s*(\d+\\?\.|-)\s+/, '')));

/** Share of the source's sentences found in the text, and of its paragraphs found whole as one paragraph or list item. */
export function intact(sourceUnits: string[], mdxBody: string): { sentences: number; paragraphs: number; counted: number } {
  const paragraphs = sourceUnits.filter((t) => t.length > 40);
  const sentences = paragraphs.flatMap((t) => t.split(/(?<=[.;!?])\s+/)).filter((t) => t.length > 10);
  const text = normalise(mdxBody);
  const mine = new Set(units(mdxBody));
  return {
    sentences: sentences.filter((s) => text.includes(s)).length / sentences.length,
    paragraphs: paragraphs.filter((p) => mine.has(p)).length / paragraphs.length,
    counted: paragraphs.length,
  };
}
