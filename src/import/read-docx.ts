import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { DocumentProperty, Removal, SourceDocument } from './blocks.ts';
import { markChunks, withChunks } from './docx-chunks.ts';
import { objectsAsText, symbolFontsAsUnicode, withoutHiddenText, withoutPlaceholders } from './docx-objects.ts';
import { dropCapsJoined } from './docx-drop-caps.ts';
import { decodeXml, numberParagraphs, outlineHeadingStyleMap, outlineParagraphs, paragraphsOf, xmlText } from './docx-parts.ts';
import { ImportError } from './errors.ts';
import { readHtml } from './read-html.ts';

/** OLE compound file: what an encrypted OOXML (or an old binary .doc) is. */
export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from('PK');

/** Table-of-contents paragraphs (Word's «toc N», LibreOffice's «Contents N»): reported, never imported. */
const STYLE_MAP = [
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='toc ${n}'] => p.nd-toc:fresh`, `p[style-name='Contents ${n}'] => p.nd-toc:fresh`]),
  "p[style-name='Contents Heading'] => p.nd-toc:fresh",
  "p[style-name='TOC Heading'] => p.nd-toc:fresh",
  "p[style-name='Title'] => h1:fresh",
];

/**
 * A Word document through mammoth, plus what mammoth leaves out, read from the package itself:
 * page headers and footers (kept for code recognition, reported as removed), automatic heading
 * numbers, comments and tracked changes (reported), hidden text and the prompts of empty form fields (taken out, reported).
 */
export async function readDocx(buffer: Buffer, format: SourceDocument['format'] = 'docx'): Promise<SourceDocument> {
  const { zip, moved } = await openDocx(buffer);
  const removals: Removal[] = [];
  const extra = (text: string, reason: string) => removals.push({ line: 0, text, reason });
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const prepared = await rewriteDocument(zip, documentXml, (await zip.file('word/styles.xml')?.async('string')) ?? '', extra);
  await reviewMarks(zip, documentXml, extra);
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    const input = prepared.rewritten || moved ? await zip.generateAsync({ type: 'nodebuffer' }) : buffer;
    // A template's own heading styles (an outline level, any name) are headings, as Word's navigation shows them.
    result = await mammoth.convertToHtml(
      { buffer: input },
      { includeDefaultStyleMap: true, styleMap: [...STYLE_MAP, ...outlineHeadingStyleMap(prepared.stylesXml)] },
    );
  } catch (error) {
    throw new ImportError(`не удалось прочитать DOCX: ${(error as Error).message}`);
  }
  // Whatever else mammoth could not read is named, not dropped without a word.
  for (const element of ignoredElements(result.messages)) extra(element, 'элемент Word не распознан и не перенесён: сверьте это место с исходником');
  const doc = readHtml(withChunks(result.value, prepared.chunks), { unit: 'абзац', format });
  doc.running = [];
  for (const name of Object.keys(zip.files)
    .filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))
    .sort()) {
    const kind = name.includes('header') ? 'верхний колонтитул' : 'нижний колонтитул';
    for (const text of paragraphsOf(await zip.file(name)!.async('string'))) {
      if (doc.running.some((r) => r.text === text)) continue;
      doc.running.push({ kind, text });
      doc.removals.push({ line: 0, text, reason: `${kind} не переносится: номер и наименование показывает портал` });
    }
  }
  doc.properties = await documentProperties(zip);
  doc.removals.push(...removals);
  return doc;
}

/** docProps: the title (core.xml) as «Название», and the custom properties (custom.xml) by their names. */
async function documentProperties(zip: JSZip): Promise<DocumentProperty[]> {
  const properties: DocumentProperty[] = [];
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1]?.trim();
  if (title) properties.push({ name: 'Название', value: decodeXml(title) });
  const custom = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
  for (const m of custom.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([^<]*)<\/vt:\w+>/g)) {
    const value = decodeXml(m[2]!).trim();
    if (value) properties.push({ name: decodeXml(m[1]!), value });
  }
  return properties;
}

/**
 * The package, refused in words when it is not a readable DOCX. Its main part is where `_rels/.rels`
 * says (Word may save it as `word/document2.xml`); one saved under another name in `word/` is moved to
 * `word/document.xml`, where every step below reads it (`moved`: the package must be written anew).
 */
async function openDocx(buffer: Buffer): Promise<{ zip: JSZip; moved: boolean }> {
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new ImportError('файл зашифрован паролем (или это старый .doc под именем .docx): снимите защиту и сохраните как .docx');
  }
  if (!buffer.subarray(0, 2).equals(ZIP_MAGIC)) throw new ImportError('файл повреждён: это не архив DOCX');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    // JSZip's own words are English («Corrupted zip: can't find end of central directory»): what they mean, said in Russian.
    throw new ImportError('файл повреждён: архив DOCX обрезан или испорчен — скопируйте файл из источника заново');
  }
  const main = await mainPart(zip);
  if (!main || !zip.file(main)) throw new ImportError(`файл повреждён: в архиве нет основной части документа (${main ?? 'word/document.xml'})`);
  if (main === MAIN_PART) return { zip, moved: false };
  if (path.posix.dirname(main) !== 'word' || zip.file(MAIN_PART))
    throw new ImportError(`основная часть документа лежит в «${main}»: откройте файл в Word или LibreOffice и сохраните его заново как .docx`);
  const rels = `word/_rels/${path.posix.basename(main)}.rels`;
  for (const [from, to] of [
    [main, MAIN_PART],
    [rels, 'word/_rels/document.xml.rels'],
  ] as const) {
    const file = zip.file(from);
    if (!file) continue;
    zip.file(to, await file.async('uint8array'));
    zip.remove(from);
  }
  for (const name of ['_rels/.rels', '[Content_Types].xml']) {
    const xml = await zip.file(name)?.async('string');
    if (xml) zip.file(name, xml.replaceAll(`/${main}"`, `/${MAIN_PART}"`).replaceAll(`"${main}"`, `"${MAIN_PART}"`));
  }
  return { zip, moved: true };
}

const MAIN_PART = 'word/document.xml';

/** The main part's path in the package, from the package relationships (`officeDocument`). */
async function mainPart(zip: JSZip): Promise<string | undefined> {
  const rels = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/\bType="[^"]*\/officeDocument"/.test(m[0])) continue;
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (target) return path.posix.normalize(decodeXml(target).replace(/^\//, ''));
  }
  return zip.file(MAIN_PART) ? MAIN_PART : undefined;
}

/**
 * document.xml made ready for mammoth, each change reported: outline levels as headings, numbering written into the text, hidden
 * text and empty fields' prompts out, symbol fonts as Unicode, equations and drawings as text, drop caps back
 * in their words, embedded parts (altChunk) marked. Written back into the package only when something changed.
 */
async function rewriteDocument(zip: JSZip, documentXml: string, stylesXml: string, extra: (text: string, reason: string) => void) {
  const outlined = outlineParagraphs(documentXml, stylesXml);
  if (outlined.count > 0) {
    zip.file('word/styles.xml', outlined.stylesXml);
    extra(`заголовков: ${outlined.count}`, 'абзацы с уровнем структуры Word (без стиля заголовка) перенесены заголовками');
  }
  const numbered = await numberParagraphs(zip, outlined.xml);
  if (numbered.headings > 0) extra(`заголовков: ${numbered.headings}`, 'автоматическая нумерация заголовков Word (numbering.xml) записана в текст заголовков');
  if (numbered.clauses > 0)
    extra(
      `пунктов: ${numbered.clauses}`,
      'автоматическая многоуровневая нумерация пунктов Word («1.2.») записана в текст: пункты стали абзацами, которые начинаются с номера',
    );
  const visible = withoutHiddenText(numbered.xml, stylesXml);
  const filled = withoutPlaceholders(visible.xml);
  const symbols = symbolFontsAsUnicode(filled.xml);
  const objects = objectsAsText(symbols.xml);
  const capped = dropCapsJoined(objects.xml);
  const notes = [...visible.notes, ...filled.notes, ...symbols.notes, ...objects.notes, ...capped.notes];
  for (const note of notes) extra(note.text.slice(0, 200), note.reason);
  const chunked = await markChunks(zip, capped.xml);
  for (const { part, html, note } of chunked.chunks) {
    if (note) extra(part, note);
    extra(
      part,
      html === undefined
        ? 'встроенный фрагмент (altChunk) этого формата не читается: перенесите его текст вручную'
        : 'встроенный фрагмент (altChunk) перенесён в текст на своё место',
    );
  }
  const rewritten = outlined.count + numbered.headings + numbered.clauses > 0 || notes.length > 0 || chunked.chunks.length > 0;
  if (rewritten) zip.file('word/document.xml', chunked.xml);
  return { rewritten, chunks: chunked.chunks, stylesXml: outlined.stylesXml };
}

/** Tracked changes (accepted, as Word shows the document) and reviewers' comments (left out), each reported. */
async function reviewMarks(zip: JSZip, documentXml: string, extra: (text: string, reason: string) => void) {
  const author = (tag = '') => /w:author="([^"]*)"/.exec(tag)?.[1];
  for (const m of documentXml.matchAll(/<w:(ins|del)\b([^>]*[^/])?>([\s\S]*?)<\/w:\1>/g)) {
    const text = xmlText(m[3]!, m[1] === 'del');
    const who = author(m[2]);
    if (!text) continue;
    if (m[1] === 'ins') extra(text.slice(0, 200), `исправление (вставка${who ? `, ${who}` : ''}) принято: текст оставлен`);
    else extra(text.slice(0, 200), `исправление (удаление${who ? `, ${who}` : ''}) принято: текст удалён`);
  }
  const comments = await zip.file('word/comments.xml')?.async('string');
  for (const m of comments?.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g) ?? []) {
    const who = author(m[1]);
    extra(paragraphsOf(m[2]!).join(' ').slice(0, 200), `комментарий рецензента${who ? ` (${who})` : ''} не переносится`);
  }
}

/** The elements mammoth ignored («An unrecognised element was ignored: w:foo»), each once, with how often. */
function ignoredElements(messages: ReadonlyArray<{ message: string }>): string[] {
  const counts = new Map<string, number>();
  for (const { message } of messages) {
    const name = /^An unrecognised element was ignored: (.+)$/.exec(message)?.[1];
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => `${name.replace(/^\{[^}]*\}/, '')}${n > 1 ? ` (${n} раз)` : ''}`);
}
