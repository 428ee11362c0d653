import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceDocument } from './blocks.ts';
import { ImportError } from './errors.ts';
import { readDocx } from './read-docx.ts';
import { readHtml } from './read-html.ts';
import { readPdf } from './read-pdf.ts';
import { readText } from './read-text.ts';

/** Extensions the importer reads; anything else is reported as an unknown format. */
export const READABLE = ['.docx', '.pdf', '.html', '.htm', '.txt', '.md'] as const;

/** Reads one input by its content first (magic bytes), then by its extension. */
export async function readInput(file: string): Promise<SourceDocument> {
  const buffer = await readFile(file);
  if (buffer.length === 0 || buffer.toString('utf8').trim() === '') throw new ImportError('файл пуст');
  const ext = path.extname(file).toLowerCase();
  const head = buffer.subarray(0, 5).toString('latin1');
  if (head === '%PDF-') return readPdf(buffer);
  if (ext === '.pdf') throw new ImportError('файл назван .pdf, но это не PDF: он повреждён или в другом формате');
  if (ext === '.docx') return readDocx(buffer);
  if (ext === '.html' || ext === '.htm') return readHtml(buffer.toString('utf8'));
  if (ext === '.txt' || ext === '.md') {
    if (buffer.includes(0)) throw new ImportError('файл назван текстовым, но содержит двоичные данные');
    return readText(buffer.toString('utf8'));
  }
  throw new ImportError(`неизвестный формат «${ext || 'без расширения'}»: поддерживаются ${READABLE.join(', ')} (файл .doc сохраните как .docx)`);
}
