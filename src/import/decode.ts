/** A text file's bytes as text, and, when its encoding had to be guessed, what the report says of it. */
export interface Decoded {
  text: string;
  note?: string;
}

const BOMS: ReadonlyArray<[bytes: number[], encoding: string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The charset an HTML page declares in its first 2 KB (`<meta charset>` or `http-equiv`), or an MHT part in its headers. */
export const declaredCharset = (head: string) => /charset=["']?([\w-]+)/i.exec(head.slice(0, 2048))?.[1];

/**
 * The text of a file the old portal saved (HTML, MHT, plain text): by its byte-order mark, else by the
 * charset it declares, else UTF-8 when the bytes are UTF-8, else windows-1251 — the code page of Russian
 * Windows, which old pages and text exports are written in. Read as UTF-8, such a file became «���»
 * throughout, without a word.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  if (bom) return { text: new TextDecoder(bom[1]).decode(bytes) };
  const label = declared?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return { text: new TextDecoder(label).decode(bytes) };
    } catch {
      // An encoding TextDecoder does not know: read as an undeclared file.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      text: new TextDecoder('windows-1251').decode(bytes),
      note: `файл не в UTF-8${label ? ` (хотя объявлена кодировка ${declared})` : ''}: прочитан как windows-1251 — сверьте текст с исходником`,
    };
  }
}
