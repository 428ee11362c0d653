import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** Every file under a built site, with its text: gzip files (Pagefind's index, fragments, meta; the build's `.gz`) and `.br` decompressed. */
export async function distTexts(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    let bytes: Buffer = await readFile(file);
    // Pagefind writes .pf_index/.pf_fragment/.pf_meta and its wasm as gzip streams (magic 1f 8b).
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    // The build's own compressed copies (`.br` beside `.gz`, src/serve/precompress.ts) are scanned too.
    else if (entry.name.endsWith('.br')) bytes = brotliDecompressSync(bytes);
    texts.set(path.relative(dir, file), bytes.toString('utf8'));
  }
  return texts;
}

/** Files whose path or (decompressed) content contains the needle, case-insensitively. */
export function filesContaining(texts: Map<string, string>, needle: string): string[] {
  const lower = needle.toLowerCase();
  return [...texts].filter(([file, text]) => file.toLowerCase().includes(lower) || text.toLowerCase().includes(lower)).map(([file]) => file);
}

/** A text planted in hidden content, with the access level of the document or edition that holds it. */
export interface Marker {
  text: string;
  access: string;
}

/** The markers a site built for `audience` must not hold: those above its rank. */
export function markersAbove(markers: readonly Marker[], audience: string, rank: Readonly<Record<string, number>>): Marker[] {
  const limit = rank[audience];
  if (limit === undefined) throw new Error(`неизвестная аудитория ${audience}`);
  return markers.filter((m) => (rank[m.access] ?? Infinity) > limit);
}
