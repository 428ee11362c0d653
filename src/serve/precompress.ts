/**
 * Compression at build time: every text file of a site gets a `.gz` and a `.br` beside it, which nginx
 * serves as they are (gzip_static, brotli_static) and the Node fallback too; no CPU spent per request.
 * Pagefind's chunks are compressed by Pagefind itself and are left alone.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gz = promisify(gzip);
const br = promisify(brotliCompress);

export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.csv', '.webmanifest']);
/** Below this a compressed copy saves less than its headers cost. */
const MIN_SIZE = 512;
/**
 * Pages: quality 9 with a window sized to the file (a 28 KB page in about a millisecond; the default 4 MB
 * window made it hundreds). Shared assets (scripts, styles, Pagefind's bundle), few and fetched by every
 * reader: quality 11, some ten per cent smaller.
 */
const brotliQuality = (file: string) => (/[\\/](_astro|pagefind)[\\/]/.test(file) ? 11 : 9);
const brotliWindow = (size: number) => Math.min(24, Math.max(16, Math.ceil(Math.log2(size)) + 1));

export interface Precompressed {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export async function precompress(dir: string, concurrency = 8): Promise<Precompressed> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.has(path.extname(e.name))).map((e) => path.join(e.parentPath, e.name));
  const total: Precompressed = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  // The sites of --audiences share their scripts, styles and Pagefind's bundle byte for byte: compressed once
  // (pages differ from site to site and are many: not kept).
  const done = new Map<string, Promise<[Buffer, Buffer]>>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      if ((await stat(file)).size < MIN_SIZE) continue;
      const data = await readFile(file);
      let compressed: Promise<[Buffer, Buffer]>;
      if (brotliQuality(file) === 11) {
        const key = createHash('sha256').update(data).digest('hex');
        if (!done.has(key)) done.set(key, compress(file, data));
        compressed = done.get(key)!;
      } else compressed = compress(file, data);
      const [g, b] = await compressed;
      await Promise.all([writeFile(`${file}.gz`, g), writeFile(`${file}.br`, b)]);
      total.files += 1;
      total.bytes += data.length;
      total.gzipBytes += g.length;
      total.brotliBytes += b.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total;
}

function compress(file: string, data: Buffer): Promise<[Buffer, Buffer]> {
  return Promise.all([
    gz(data, { level: 9 }),
    br(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(file),
        [constants.BROTLI_PARAM_LGWIN]: brotliWindow(data.length),
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  ]);
}
