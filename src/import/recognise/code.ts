import { plain, type SourceDocument } from '../blocks.ts';
import type { FoundCode, Recognition } from './state.ts';
import { findCode } from './values.ts';

/** The document's code: every place it may stand is noted while reading, and the surest wins at the end. */

/** Codes known before the body is read: the `--code` parameter, then page headers and footers. */
export function codesBeforeReading(doc: SourceDocument, prefixes: string[], code: string | undefined): FoundCode[] {
  const found: FoundCode[] = [];
  if (code) found.push({ code, source: '--code' });
  for (const run of doc.running ?? []) {
    const runCode = findCode(run.text, prefixes);
    if (runCode) found.push({ code: runCode, source: `${run.kind}: «${run.text}»` });
  }
  return found;
}

/** Where a code may stand, surest first: a parameter, a page header or footer, the passport table, the title, the file's properties, the file name. */
const CODE_RANK = [
  '--code',
  'верхний колонтитул',
  'нижний колонтитул',
  'колонтитул',
  'таблица паспорта',
  'заголовок',
  'титульный лист',
  'свойства документа',
  'имя файла',
];

/**
 * Takes the surest code (the file name counts last), reports every other code seen, and points components placed
 * under a code read earlier at the chosen one.
 */
export function chooseCode(r: Recognition, found: FoundCode[], fileName: string | undefined, prefixes: string[]) {
  if (fileName) {
    const base = fileName.replace(/\.[^.]+$/, '');
    const code = findCode(base.toUpperCase(), prefixes);
    if (code) found.push({ code, source: `имя файла «${fileName}»` });
  }
  const rank = (source: string) => CODE_RANK.findIndex((k) => source.startsWith(k));
  const sorted = [...found].sort((a, b) => rank(a.source) - rank(b.source));
  const best = sorted[0];
  if (!best) return;
  const used = r.code;
  r.code = best.code;
  r.codeSource = best.source;
  r.mapped.unshift({ field: 'code', value: best.code, source: best.source });
  for (const other of sorted.slice(1)) {
    if (other.code !== best.code)
      r.guessed.push({
        field: 'code',
        value: best.code,
        original: `${other.code} (${other.source})`,
        reason: `код здесь другой; взят код из источника «${best.source}»`,
      });
  }
  if (used && used !== best.code) {
    for (const b of [...r.body, ...r.appendices.flatMap((a) => a.blocks)])
      if (b.kind === 'component' && b.props.document === used) b.props.document = best.code;
  }
}

/**
 * When no code of a registered type was found: a code with another prefix where a document's code stands
 * (a page header or footer, the first heading or paragraph, the file name), so that the refusal can say
 * what it saw («СТ-501» of a type the registry does not have) instead of «not found».
 */
export function unregisteredCode(doc: SourceDocument, fileName: string | undefined): FoundCode | undefined {
  const first = doc.blocks.find((b) => b.kind === 'heading' || b.kind === 'paragraph');
  const places: Array<{ text: string; source: string }> = [
    ...(doc.running ?? []).map((run) => ({ text: run.text, source: run.kind })),
    ...(first && 'inlines' in first ? [{ text: plain(first.inlines), source: first.kind === 'heading' ? 'заголовок' : 'первый абзац' }] : []),
    ...(fileName ? [{ text: fileName.replace(/\.[^.]+$/, '').toUpperCase(), source: `имя файла «${fileName}»` }] : []),
  ];
  for (const place of places) {
    const code = findCode(place.text, []);
    if (code) return { code, source: place.source };
  }
  return undefined;
}
