import { readFile, stat } from 'node:fs/promises';
import { VFile } from 'vfile';

/** Files above this size are refused with a clear message instead of being parsed. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; file: VFile } | { ok: false; file: VFile; reason: string; line?: number; column?: number };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a content file as text the way every caller must: size limit, strict UTF-8, no NUL bytes;
 * a BOM is dropped and CRLF becomes LF so that positions are the same as in the plain file.
 */
export async function readSource(absPath: string, displayPath: string): Promise<ReadResult> {
  const file = new VFile({ path: displayPath, value: '' });
  const info = await stat(absPath);
  if (info.size > MAX_FILE_BYTES) return { ok: false, file, reason: tooLarge(info.size) };
  const bytes = await readFile(absPath);
  return decodeSource(bytes, file);
}

/** An editor's buffer (unsaved changes included) read as `readSource` reads a file: size limit, BOM and CRLF, control characters. */
export function readText(text: string, displayPath: string): ReadResult {
  const bytes = new TextEncoder().encode(text);
  const file = new VFile({ path: displayPath, value: '' });
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, file, reason: tooLarge(bytes.length) };
  return decodeSource(bytes, file);
}

function tooLarge(size: number): string {
  const mb = (size / 1024 / 1024).toFixed(1).replace('.', ',');
  return `файл слишком велик: ${mb} МБ при пределе 5 МБ; разделите документ на части или вынесите данные в приложения`;
}

export function decodeSource(bytes: Uint8Array, file: VFile): ReadResult {
  if (bytes.length === 0) return { ok: false, file, reason: 'файл пуст: удалите его или заполните по образцу из README' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineColumnOfByte(bytes, at);
    return {
      ok: false,
      file,
      line,
      column,
      reason: `файл не в кодировке UTF-8 (неверный байт 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}): сохраните его в UTF-8`,
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const before = text.slice(0, nul).split('\n');
    return {
      ok: false,
      file,
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      reason: 'в файле нулевой байт (NUL): это двоичный файл или повреждённый текст; удалите символ',
    };
  }
  // Invisible control characters come from copying out of other programs; XML (the feed) cannot carry them.
  const control = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const before = text
      .slice(0, control.index)
      .replace(/^\ufeff/, '')
      .split(/\r\n?|\n/);
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      ok: false,
      file,
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      reason: `в файле управляющий символ U+${code}: он невидим и обычно попадает при копировании из другой программы — удалите его`,
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  file.value = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return { ok: true, file };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search for the shortest prefix that fails to decode.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function lineColumnOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
  return { line, column };
}
