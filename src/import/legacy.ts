import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LegacyUrls, type LegacyRedirect } from '../schemas/legacy-urls.ts';
import { ImportError } from './errors.ts';

/** Where the old addresses come from: a prefix the input tree sits under, or a CSV of old address → file. */
export interface LegacySource {
  sourceUrl?: string;
  map?: Array<{ from: string; file: string; line: number }>;
}

/** One CSV line's fields: `,` or `;` separated, `"…"` quoted with `""` inside. */
function fields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) (out.push(field.trim()), (field = ''));
    else field += ch;
  }
  out.push(field.trim());
  return out;
}

/** `старый адрес,файл` per line (a header line is skipped; `;` works as in Excel's Russian CSV). */
export async function readLegacyMap(file: string): Promise<NonNullable<LegacySource['map']>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ImportError(`--legacy-map «${file}»: файл не прочитан (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const delimiter = lines.find((l) => l.trim())?.includes(';') ? ';' : ',';
  const out: NonNullable<LegacySource['map']> = [];
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const [from = '', target = ''] = fields(raw, delimiter);
    if (i === 0 && !/^(https?:\/\/|\/)/i.test(from)) return; // header
    if (!from || !target)
      throw new ImportError(`${file}:${i + 1}: ожидалось «старый адрес${delimiter}файл», например «https://intranet.example/nd/doc.docx${delimiter}doc.docx»`);
    out.push({ from, file: target, line: i + 1 });
  });
  return out;
}

/** The old addresses of one input: from the prefix (its path under the folder it was found in) and from the map. */
export function oldAddresses(input: string, base: string, source: LegacySource): string[] {
  const rel = path.relative(base, input).split(path.sep).join('/') || path.basename(input);
  const out: string[] = [];
  if (source.sourceUrl) out.push(`${source.sourceUrl.replace(/\/?$/, '/')}${rel.split('/').map(encodeURIComponent).join('/')}`);
  for (const m of source.map ?? []) {
    const want = m.file.replace(/\\/g, '/');
    if (want === rel || want === path.basename(input) || path.resolve(want) === path.resolve(input)) out.push(m.from);
  }
  return out;
}

/**
 * Adds redirects to `registries/legacy-urls.json` of the content root (created if missing): an old
 * address already there is kept and the conflict returned, never overwritten.
 */
export async function recordLegacy(root: string, entries: LegacyRedirect[]): Promise<{ added: LegacyRedirect[]; conflicts: string[] }> {
  const file = path.join(root, 'registries', 'legacy-urls.json');
  let data: { $schema?: string; redirects: LegacyRedirect[] } = { $schema: '../../schemas/legacy-urls.schema.json', redirects: [] };
  try {
    const parsed = LegacyUrls.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new ImportError(`${file}: файл не соответствует схеме, старые адреса не записаны — исправьте его (npm run check)`);
    data = parsed.data;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ImportError(`${file}: не читается как JSON, старые адреса не записаны`);
  }
  const added: LegacyRedirect[] = [];
  const conflicts: string[] = [];
  for (const entry of entries) {
    const existing = data.redirects.find((r) => r.from === entry.from);
    if (existing) {
      if (existing.code !== entry.code) conflicts.push(`«${entry.from}» уже ведёт на ${existing.code}; ${entry.code} не записан`);
      continue;
    }
    data.redirects.push(entry);
    added.push(entry);
  }
  if (added.length > 0)
    await writeFile(file, `${JSON.stringify({ $schema: data.$schema ?? '../../schemas/legacy-urls.schema.json', redirects: data.redirects }, null, 2)}\n`);
  return { added, conflicts };
}
