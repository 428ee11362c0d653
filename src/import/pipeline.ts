import { artefactsRemoved } from './cleanup.ts';
import type { SourceDocument } from './blocks.ts';
import path from 'node:path';
import { readInput } from './readers.ts';
import { recognise, type Recognition } from './recognise.ts';
import type { Registries } from './registries.ts';

/** Read, clean and recognise one input: everything short of writing files. */
export async function analyse(
  file: string,
  registries: Registries,
  options: { code?: string; converted?: Map<string, string> } = {},
): Promise<{ source: SourceDocument; recognition: Recognition }> {
  const source = await readInput(file, { converted: options.converted });
  const cleaned = artefactsRemoved(source);
  return { source: cleaned, recognition: recognise(cleaned, registries, { code: options.code, fileName: path.basename(file) }) };
}

/** Same, for a text already in memory (tests, round trips). */
export function analyseSource(source: SourceDocument, registries: Registries, options: { code?: string; fileName?: string } = {}) {
  const cleaned = artefactsRemoved(source);
  return { source: cleaned, recognition: recognise(cleaned, registries, options) };
}
