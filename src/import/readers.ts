import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from './blocks.ts';
import { toDocx } from './convert.ts';
import { mhtHtml } from './docx-chunks.ts';
import { decodeBytes, declaredCharset, type Decoded } from './decode.ts';
import { ImportError } from './errors.ts';
import { OLE_MAGIC, readDocx } from './read-docx.ts';
import { readHtml } from './read-html.ts';
import { readPdf } from './read-pdf.ts';
import { readText } from './read-text.ts';

/** Extensions the importer reads; anything else is reported as an unknown format. */
export const READABLE = [
  '.docx',
  '.docm',
  '.dotx',
  '.dotm',
  '.odt',
  '.ott',
  '.doc',
  '.dot',
  '.rtf',
  '.pdf',
  '.html',
  '.htm',
  '.mht',
  '.mhtml',
  '.txt',
  '.md',
] as const;
/** Converted with LibreOffice first (`soffice --headless --convert-to docx`). */
export const CONVERTED = ['.odt', '.ott', '.doc', '.dot', '.rtf'] as const;
/**
 * Word's and LibreOffice's other names for the same formats: templates (`.dotx`, `.dot`, `.ott`) and
 * documents with macros (`.docm`), which an old section keeps beside the documents. Macros are never run.
 */
const SAME_FORMAT: Record<string, string> = { '.docm': '.docx', '.dotx': '.docx', '.dotm': '.docx', '.dot': '.doc', '.ott': '.odt' };
/** Inputs larger than this are refused before reading: a document this big is an archive, not a text. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** Reads one input by its content first (magic bytes), then by its extension. */
export async function readInput(file: string, options: { converted?: Map<string, string> } = {}): Promise<SourceDocument> {
  const size = (await stat(file)).size;
  if (size > MAX_INPUT_BYTES)
    throw new ImportError(`файл слишком велик: ${(size / 2 ** 20).toFixed(0)} МБ при пределе ${MAX_INPUT_BYTES / 2 ** 20} МБ; разделите документ на части`);
  const buffer = await readFile(file);
  if (buffer.length === 0 || buffer.toString('utf8').trim() === '') throw new ImportError('файл пуст');
  const named = path.extname(file).toLowerCase();
  const ext = SAME_FORMAT[named] ?? named;
  const head = buffer.subarray(0, 5).toString('latin1');
  const misnamed = await misnamedWordFile(buffer, ext, options.converted?.get(file), named);
  if (misnamed) return misnamed;
  if (ext === '.mht' || ext === '.mhtml') {
    const decoded = pageText(buffer, true);
    if (!decoded) throw new ImportError(`в файле ${ext} нет HTML-части: он повреждён или это не веб-архив`);
    return withNote(readHtml(decoded.text), decoded.note);
  }
  if ((CONVERTED as readonly string[]).includes(ext)) {
    if (ext === '.rtf' && !buffer.subarray(0, 5).toString('latin1').startsWith('{\\rtf'))
      throw new ImportError(`файл назван ${named}, но это не RTF: он повреждён или в другом формате`);
    if (ext === '.odt' && !buffer.subarray(0, 2).equals(Buffer.from('PK')) && !buffer.subarray(0, 4).equals(OLE_MAGIC))
      throw new ImportError(`файл назван ${named}, но это не документ OpenDocument: он повреждён или в другом формате`);
    // RTF and the other forms Word writes under .doc were read above (misnamedWordFile).
    if (ext === '.doc' && !buffer.subarray(0, 4).equals(OLE_MAGIC))
      throw new ImportError(`файл назван ${named}, но это не документ Word 97–2003: он повреждён или в другом формате`);
    const docx = await throughLibreOffice(buffer, ext, options.converted?.get(file));
    if (!docx) throw new ImportError(`LibreOffice не смог открыть файл ${named}: он повреждён, зашифрован паролем или это не ${ext.slice(1).toUpperCase()}`);
    return readDocx(docx, ext.slice(1) as 'odt' | 'doc' | 'rtf');
  }
  // A PDF may carry bytes before its header (a byte order mark, a printer's job ticket): readers look in the first 1024.
  if (head === '%PDF-' || (ext === '.pdf' && buffer.subarray(0, 1024).includes('%PDF-'))) return readPdf(buffer);
  if (ext === '.pdf') throw new ImportError('файл назван .pdf, но это не PDF: он повреждён или в другом формате');
  if (ext === '.docx') return withNote(await readDocx(buffer), macrosNote(buffer, named), 'макросы');
  if (ext === '.html' || ext === '.htm') {
    const { text, note } = pageText(buffer, false)!;
    return withNote(readHtml(text), note);
  }
  if (ext === '.txt' || ext === '.md') {
    if (buffer.includes(0)) throw new ImportError('файл назван текстовым, но содержит двоичные данные');
    const { text, note } = decodeBytes(buffer);
    return withNote(readText(text), note);
  }
  throw new ImportError(
    `неизвестный формат «${ext || 'без расширения'}»: поддерживаются ${READABLE.join(', ')} (.doc, .dot, .rtf, .odt и .ott — через LibreOffice)`,
  );
}

/** A guessed encoding is named in the report («Удалено и исправлено»), like every other change the import makes. */
function withNote(doc: SourceDocument, note: string | undefined, what = 'кодировка файла'): SourceDocument {
  if (note) doc.removals.push({ line: 0, text: what, reason: note });
  return doc;
}

/** What a word processor's file is by its bytes, whatever its name says: the forms old intranet sections hold under .doc and .docx. */
function sniff(buffer: Buffer): 'ole' | 'encrypted' | 'rtf' | 'zip' | 'wordml' | 'mht' | 'html' | undefined {
  if (buffer.subarray(0, 4).equals(OLE_MAGIC))
    // A password-protected DOCX is an OLE container holding the encrypted package.
    return buffer.includes(Buffer.from('EncryptedPackage', 'utf16le')) ? 'encrypted' : 'ole';
  if (buffer.subarray(0, 2).toString('latin1') === 'PK') return 'zip';
  const start = buffer
    .subarray(0, 2048)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (start.startsWith('{\\rtf')) return 'rtf';
  if (/^<\?xml[^>]*>\s*<\?mso-application\s+progid="Word\.Document"/i.test(start) || /<w:wordDocument\b/.test(start)) return 'wordml';
  if (/^MIME-Version:/i.test(start) && /multipart\/related/i.test(start)) return 'mht';
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html)\b/i.test(start)) return 'html';
  return undefined;
}

const KIND_NAMES = { ole: 'документ Word 97–2003', rtf: 'RTF', wordml: 'документ Word 2003 XML', mht: 'веб-архив MHT', html: 'веб-страница HTML' } as const;

/**
 * A .doc or .docx whose bytes are another format a word processor writes (Word saves a web page or RTF under
 * any name; a .doc renamed .docx): read as what it is, with a note in the report. Undefined when the name is right.
 */
async function misnamedWordFile(buffer: Buffer, ext: string, ready: string | undefined, named: string): Promise<SourceDocument | undefined> {
  if (ext !== '.doc' && ext !== '.docx') return undefined;
  const kind = sniff(buffer);
  if (kind === 'encrypted') throw new ImportError('файл зашифрован паролем: снимите защиту в Word (Файл → Сведения → Защита документа) и повторите');
  if (!kind || kind === 'zip' || (ext === '.doc' && kind === 'ole')) return undefined;
  const note = `файл назван ${named}, но это ${KIND_NAMES[kind]}: прочитан по содержимому`;
  if (kind === 'html' || kind === 'mht') {
    const decoded = pageText(buffer, kind === 'mht');
    if (!decoded) throw new ImportError(`${note.split(':')[0]}, в нём нет HTML-части: он повреждён`);
    return withNote(withNote(readHtml(decoded.text), decoded.note), note, 'формат файла');
  }
  // The batch has converted a .doc already (LibreOffice reads RTF and Word 2003 XML by their content); a .docx is converted here.
  const source = { ole: '.doc', rtf: '.rtf', wordml: '.xml' } as const;
  const docx = await throughLibreOffice(buffer, source[kind], ready);
  if (!docx) throw new ImportError(`${note.split(':')[0]}, и LibreOffice не смог его открыть: он повреждён или зашифрован паролем`);
  return withNote(await readDocx(docx, kind === 'rtf' ? 'rtf' : 'doc'), note, 'формат файла');
}

/** A package that holds Word macros (`word/vbaProject.bin`): its text is imported, its macros are named as left out. */
function macrosNote(buffer: Buffer, named: string): string | undefined {
  return buffer.includes('word/vbaProject.bin') ? `файл ${named} содержит макросы Word: текст перенесён, макросы не переносятся и не выполняются` : undefined;
}

/** A saved page's text, decoded as it declares (an MHT's from its HTML part: undefined when it has none). */
function pageText(buffer: Buffer, mht: boolean): Decoded | undefined {
  return mht ? mhtHtml(buffer) : decodeBytes(buffer, declaredCharset(buffer.subarray(0, 2048).toString('latin1')));
}

/**
 * A file LibreOffice converts, as DOCX: the batch's conversion when it made one (`ready`), else one of its own
 * (`ext` tells LibreOffice what the bytes are). Undefined when LibreOffice could not open it.
 */
async function throughLibreOffice(buffer: Buffer, ext: string, ready: string | undefined): Promise<Buffer | undefined> {
  const docx = ready === undefined ? await toDocx(buffer, ext) : await readFile(ready).catch(() => Buffer.alloc(0));
  return docx.length > 0 ? docx : undefined;
}
