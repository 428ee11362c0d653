import { printPageCss } from './print.ts';

/**
 * The running head and foot of a printout, installed in the browser: the page names its head and the
 * address of what is in force in `data-nd-print-*` on `<html>`; this builds the `@page` rules through
 * CSSOM (a constructed style sheet, which the Content-Security-Policy allows, unlike an inline `<style>`)
 * with today's date, and writes the date again just before printing (a tab left open over midnight).
 */
export function installPrintMarks(doc: Document = document): void {
  const { ndPrintHead: head, ndPrintUrl: currentUrl } = doc.documentElement.dataset;
  if (!head || !currentUrl) return;
  const sheet = new CSSStyleSheet({ media: 'print' });
  const write = () => {
    const d = new Date();
    const printedOn = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
    sheet.replaceSync(printPageCss({ head, currentUrl, printedOn }));
  };
  write();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  addEventListener('beforeprint', write);
}
