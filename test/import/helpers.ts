import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/lib/config.ts';
import { importBatch, type BatchResult } from '../../src/import/batch.ts';
import type { LegacySource } from '../../src/import/legacy.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';

export const PT035_SOURCE = path.join(projectRoot, 'test/fixtures/sources/PT-035-source.txt');

/** Imports into a temporary copy of the real content (never the real one). */
export async function importInto(
  inputs: string[],
  options: { dryRun?: boolean; code?: string; version?: string; files?: Record<string, string | null>; legacy?: LegacySource } = {},
): Promise<BatchResult & { root: string }> {
  const root = await contentRoot(options.files ?? {});
  const config = { ...loadConfig(projectRoot, { ND_BUILD_DATE: '2026-11-26' }), contentRootAbs: root };
  const quiet = Object.assign(Object.create(process.stderr) as NodeJS.WriteStream, { isTTY: false, write: () => true });
  const result = await importBatch({
    inputs,
    out: root,
    dryRun: options.dryRun ?? false,
    code: options.code,
    version: options.version,
    config,
    stream: quiet,
    legacy: options.legacy,
  });
  return { ...result, root };
}

export async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nd-import-in-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** The build test's normalisation: markup, check boxes and white space aside, lower case. */
export const normalise = (text: string) =>
  text
    .replace(/<input type="checkbox"\/>/g, '\n')
    .replace(/<\/?b>|\*\*|^#+\s*|^\\/gm, '')
    .replace(/\\([\\`*_{}[\]<>|~&#$.\-+=])/g, '$1')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
