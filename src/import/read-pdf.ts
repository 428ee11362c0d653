import { extractTextItems, getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import type { SourceDocument } from './blocks.ts';
import { ImportError } from './errors.ts';
import { linesOfPage } from './pdf-lines.ts';
import { paragraphs } from './pdf-paragraphs.ts';
import { removeRunningLines, type PageSheet } from './pdf-running.ts';
import { blocksFromLines } from './read-text.ts';
import { withPlainBullet } from './inline.ts';

type PDFDocumentProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

/** PDF.js says what it repairs in a damaged file on stderr, in English («Warning: Indexing all PDF objects»): errors only. */
const QUIET = { verbosity: 0 };

/**
 * A PDF through unpdf (PDF.js): text items become lines (far-apart items on one line become table
 * cells), running headers and footers are found by repetition across pages, page numbers dropped,
 * hyphenated line ends joined, and lines regrouped into paragraphs by the vertical gaps.
 */
export async function readPdf(buffer: Buffer): Promise<SourceDocument> {
  let pdf: PDFDocumentProxy;
  try {
    pdf = await getDocumentProxy(new Uint8Array(buffer), QUIET);
  } catch (error) {
    throw unreadable(error);
  }
  // unpdf releases only the documents it opened itself; this one is read twice (text, then images when there is no text).
  try {
    return await readDocument(pdf);
  } finally {
    await pdf.loadingTask.destroy();
  }
}

async function readDocument(pdf: PDFDocumentProxy): Promise<SourceDocument> {
  let pages: Awaited<ReturnType<typeof extractTextItems>>;
  let sheet: PageSheet;
  try {
    // The first page's edges (PDF points from the bottom left): running heads stand in the margins near them.
    const [, bottom = 0, , top = 842] = (await pdf.getPage(1)).view;
    sheet = { bottom, top };
    pages = await extractTextItems(pdf);
  } catch (error) {
    throw unreadable(error);
  }
  const lines = pages.items.map((items, p) => linesOfPage(items, p + 1).map((l) => ({ ...l, text: withPlainBullet(l.text) })));
  if (lines.every((page) => page.length === 0)) {
    if (!(await paintsImages(pdf)))
      throw new ImportError(`в PDF нет ни текста, ни изображений (страниц: ${pages.totalPages}): документ пуст — проверьте, тот ли это файл`);
    throw new ImportError(`в PDF нет текстового слоя (страниц: ${pages.totalPages}) — это скан; нужно распознавание текста (OCR), затем повторите импорт`);
  }
  let counter = 0;
  for (const page of lines) for (const l of page) l.line = ++counter;
  const running: NonNullable<SourceDocument['running']> = [];
  const removals = removeRunningLines(lines, running, sheet);
  const out = paragraphs(lines, removals);
  const doc = blocksFromLines(out, 'pdf');
  doc.removals.unshift(...removals);
  doc.running = running.filter((r, i) => running.findIndex((o) => o.text === r.text) === i);
  return doc;
}

/** PDF.js's failure to open or read a file, in Russian. */
function unreadable(error: unknown): ImportError {
  const message = (error as Error).message ?? String(error);
  if (/password/i.test(message)) return new ImportError('PDF защищён паролем: снимите защиту и повторите');
  return new ImportError(`PDF повреждён или не читается: ${message}`);
}

/** Whether any page draws an image: a PDF without text is a scan then, and empty otherwise (a blank page printed). */
async function paintsImages(pdf: PDFDocumentProxy): Promise<boolean> {
  const { OPS } = await getResolvedPDFJS();
  const painting = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
  ]);
  for (let n = 1; n <= pdf.numPages; n++) if ((await (await pdf.getPage(n)).getOperatorList()).fnArray.some((op) => painting.has(op))) return true;
  return false;
}
