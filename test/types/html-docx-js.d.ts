/** html-docx-js ships no types: the one call the import tests use (test/import/word-objects.test.ts). */
declare module 'html-docx-js' {
  const htmlDocx: { asBlob(html: string, options?: object): Blob };
  export default htmlDocx;
}
