import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImportError } from './errors.ts';

const run = promisify(execFile);

/** The Debian package that provides `soffice` without a desktop. */
export const LIBREOFFICE_PACKAGE = 'libreoffice-writer-nogui';

/** `soffice` on PATH (or ND_SOFFICE), or undefined. */
export async function sofficePath(): Promise<string | undefined> {
  const candidate = process.env.ND_SOFFICE ?? 'soffice';
  try {
    await run(candidate, ['--version'], { timeout: 60_000 });
    return candidate;
  } catch {
    return undefined;
  }
}

/**
 * Converts files with LibreOffice in one `soffice --headless --convert-to` call, with a private
 * profile (parallel runs never share one). Returns the converted files' paths in `outDir`.
 */
export async function sofficeConvert(files: string[], target: string, outDir: string, options: { infilter?: string } = {}): Promise<string[]> {
  const soffice = await sofficePath();
  if (!soffice) {
    throw new ImportError(
      `для этого формата нужен LibreOffice: команда soffice не найдена. Установите пакет Debian ${LIBREOFFICE_PACKAGE} (sudo apt-get install ${LIBREOFFICE_PACKAGE}) или сохраните файл как .docx`,
    );
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'nd-soffice-profile-'));
  try {
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
        '--convert-to',
        target,
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 300_000, maxBuffer: 16 * 2 ** 20 },
    );
  } catch (error) {
    throw new ImportError(`LibreOffice не смог преобразовать файл: ${((error as Error).message ?? '').split('\n')[0]}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const ext = target.split(':')[0]!;
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`));
}

/**
 * Every .odt/.doc/.rtf of a batch converted to DOCX in one LibreOffice call (it takes seconds to
 * start): input path → converted file (missing when LibreOffice could not open it). Inputs are
 * copied under unique names first, so `a.doc` and `a.rtf` never collide.
 */
export async function convertAll(files: string[], dir: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (files.length === 0) return map;
  const inputs = await Promise.all(
    files.map(async (file, i) => {
      const copy = path.join(dir, `${i}${path.extname(file).toLowerCase()}`);
      await writeFile(copy, await readFile(file));
      return copy;
    }),
  );
  const outputs = await sofficeConvert(inputs, 'docx:MS Word 2007 XML', path.join(dir, 'out'));
  files.forEach((file, i) => map.set(file, outputs[i]!));
  return map;
}

/** An old or open format (.doc, .rtf, .odt) as DOCX bytes, converted in a temporary folder. */
export async function toDocx(buffer: Buffer, ext: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nd-import-convert-'));
  try {
    const input = path.join(dir, `input${ext}`);
    await writeFile(input, buffer);
    const [out] = await sofficeConvert([input], 'docx:MS Word 2007 XML', path.join(dir, 'out'));
    const converted = await readFile(out!).catch(() => undefined);
    if (!converted || converted.length === 0)
      throw new ImportError(`LibreOffice не смог открыть файл ${ext}: он повреждён, зашифрован паролем или это не ${ext.slice(1).toUpperCase()}`);
    return converted;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
