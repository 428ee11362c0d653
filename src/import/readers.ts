import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from './blocks.ts';
import { toDocx } from './convert.ts';
import { decodeBytes, declaredCharset } from './decode.ts';
import { ImportError } from './errors.ts';
import { readDocx } from './read-docx.ts';
import { readHtml } from './read-html.ts';
import { readPdf } from './read-pdf.ts';
import { readText } from './read-text.ts';

/** Extensions the importer reads; anything else is reported as an unknown format. */
export const READABLE = ['.docx', '.odt', '.doc', '.rtf', '.pdf', '.html', '.htm', '.txt', '.md'] as const;
/** Converted with LibreOffice first (`soffice --headless --convert-to docx`). */
export const CONVERTED = ['.odt', '.doc', '.rtf'] as const;
/** Inputs larger than this are refused before reading: a document this big is an archive, not a text. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** Reads one input by its content first (magic bytes), then by its extension. */
export async function readInput(file: string, options: { converted?: Map<string, string> } = {}): Promise<SourceDocument> {
  const size = (await stat(file)).size;
  if (size > MAX_INPUT_BYTES)
    throw new ImportError(`файл слишком велик: ${(size / 2 ** 20).toFixed(0)} МБ при пределе ${MAX_INPUT_BYTES / 2 ** 20} МБ; разделите документ на части`);
  const buffer = await readFile(file);
  if (buffer.length === 0 || buffer.toString('utf8').trim() === '') throw new ImportError('файл пуст');
  const ext = path.extname(file).toLowerCase();
  const head = buffer.subarray(0, 5).toString('latin1');
  if ((CONVERTED as readonly string[]).includes(ext)) {
    if (ext === '.rtf' && !buffer.subarray(0, 5).toString('latin1').startsWith('{\\rtf'))
      throw new ImportError('файл назван .rtf, но это не RTF: он повреждён или в другом формате');
    if (ext === '.odt' && !buffer.subarray(0, 2).equals(Buffer.from('PK')) && !buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
      throw new ImportError('файл назван .odt, но это не документ OpenDocument: он повреждён или в другом формате');
    if (
      ext === '.doc' &&
      !buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) &&
      !buffer.subarray(0, 5).toString('latin1').startsWith('{\\rtf')
    )
      throw new ImportError('файл назван .doc, но это не документ Word 97–2003: он повреждён или в другом формате');
    const ready = options.converted?.get(file);
    const docx = ready === undefined ? await toDocx(buffer, ext) : await readFile(ready).catch(() => Buffer.alloc(0));
    if (docx.length === 0)
      throw new ImportError(`LibreOffice не смог открыть файл ${ext}: он повреждён, зашифрован паролем или это не ${ext.slice(1).toUpperCase()}`);
    return readDocx(docx, ext.slice(1) as 'odt' | 'doc' | 'rtf');
  }
  if (head === '%PDF-') return readPdf(buffer);
  if (ext === '.pdf') throw new ImportError('файл назван .pdf, но это не PDF: он повреждён или в другом формате');
  if (ext === '.docx') return readDocx(buffer);
  if (ext === '.html' || ext === '.htm') {
    const { text, note } = decodeBytes(buffer, declaredCharset(buffer.subarray(0, 2048).toString('latin1')));
    return withNote(readHtml(text), note);
  }
  if (ext === '.txt' || ext === '.md') {
    if (buffer.includes(0)) throw new ImportError('файл назван текстовым, но содержит двоичные данные');
    const { text, note } = decodeBytes(buffer);
    return withNote(readText(text), note);
  }
  throw new ImportError(`неизвестный формат «${ext || 'без расширения'}»: поддерживаются ${READABLE.join(', ')} (.doc, .rtf и .odt — через LibreOffice)`);
}

/** A guessed encoding is named in the report («Удалено и исправлено»), like every other change the import makes. */
function withNote(doc: SourceDocument, note: string | undefined): SourceDocument {
  if (note) doc.removals.push({ line: 0, text: 'кодировка файла', reason: note });
  return doc;
}
