/**
 * The running head and foot of a printout, as CSS paged-media margin boxes (`@page { @top-left … }`).
 * Margin boxes sit in the page margin, so unlike a `position: fixed` block they never cover text, and they
 * repeat on every page with «стр. N из M» from the page counters. Chromium draws them since version 131.
 */

export interface PrintMarks {
  /** Left of the head: code, edition, access level — or the page's title on pages that are not documents. */
  head: string;
  /** Absolute address of what is in force: the document's address, or the page's own. */
  currentUrl: string;
  /** `YYYY-MM-DD`; the build date stands in until the `beforeprint` script writes the real one. */
  printedOn: string;
}

/** «02.12.2026» */
export function printDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped so text cannot end the rule. */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

/** The words the `beforeprint` script looks for and replaces with the day of printing. */
export const PRINTED_PREFIX = 'Напечатано ';

export function uncontrolledCopyLine(marks: PrintMarks): string {
  return `Неконтролируемая копия. ${PRINTED_PREFIX}${printDate(marks.printedOn)}; действующая редакция — ${marks.currentUrl}`;
}

/** The `@page` rules of one page; src/lib/print-marks.ts installs them as a constructed style sheet. */
export function printPageCss(marks: PrintMarks): string {
  const box = 'font: 8pt system-ui, Arial, sans-serif; color: #000;';
  return [
    '@page {',
    '  margin: 2cm 1.5cm 2cm 1.5cm;',
    `  @top-left { content: ${cssString(marks.head)}; ${box} vertical-align: bottom; padding-bottom: 4pt; border-bottom: .5pt solid #000; }`,
    `  @top-right { content: "стр. " counter(page) " из " counter(pages); ${box} vertical-align: bottom; padding-bottom: 4pt; border-bottom: .5pt solid #000; white-space: nowrap; }`,
    `  @bottom-left { content: ${cssString(uncontrolledCopyLine(marks))}; ${box} vertical-align: top; padding-top: 4pt; border-top: .5pt solid #000; }`,
    '}',
  ].join('\n');
}
