import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { SourceDocument } from './blocks.ts';
import { ImportError } from './errors.ts';
import { readHtml } from './read-html.ts';

/** OLE compound file: what an encrypted OOXML (or an old binary .doc) is. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from('PK');

/** A Word document through mammoth; its page headers and footers are reported, never imported. */
export async function readDocx(buffer: Buffer): Promise<SourceDocument> {
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new ImportError('файл зашифрован паролем или сохранён в старом формате .doc: снимите защиту и сохраните как .docx');
  }
  if (!buffer.subarray(0, 2).equals(ZIP_MAGIC)) throw new ImportError('файл повреждён: это не архив DOCX');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new ImportError(`файл повреждён: ${(error as Error).message}`);
  }
  if (!zip.file('word/document.xml')) throw new ImportError('файл повреждён: в архиве нет word/document.xml');
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml({ buffer }, { includeDefaultStyleMap: true });
  } catch (error) {
    throw new ImportError(`не удалось прочитать DOCX: ${(error as Error).message}`);
  }
  const doc = readHtml(result.value, { unit: 'абзац', format: 'docx' });
  for (const name of Object.keys(zip.files)
    .filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))
    .sort()) {
    const xml = await zip.file(name)!.async('string');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (text)
      doc.removals.push({
        line: 0,
        text,
        reason: `колонтитул (${name.includes('header') ? 'верхний' : 'нижний'}) не переносится: номер и наименование показывает портал`,
      });
  }
  return doc;
}
