import path from 'node:path';
import type JSZip from 'jszip';
import mammoth from 'mammoth';
import { escapeXml } from '../lib/xml.ts';
import { decodeBytes, declaredCharset, type Decoded } from './decode.ts';
import { textRun } from './docx-parts.ts';

/** A part imported whole (`w:altChunk`): where it stands in the text, and its HTML when it can be read. */
export interface AltChunk {
  part: string;
  html?: string;
  /** How its encoding was guessed, when it had to be (decode.ts). */
  note?: string;
}

const marker = (i: number) => `⟦nd-chunk-${i}⟧`;

/**
 * Parts a generator put into a DOCX whole instead of writing them as Word text (`w:altChunk`: HTML,
 * MHT, a nested DOCX or plain text). Word merges them when it opens the file; mammoth skips them, so a
 * document made by such a generator came out empty. Each becomes a marked paragraph here, and
 * `withChunks` puts the chunk's HTML in its place in mammoth's HTML.
 */
export async function markChunks(zip: JSZip, documentXml: string): Promise<{ xml: string; chunks: AltChunk[] }> {
  if (!documentXml.includes('altChunk')) return { xml: documentXml, chunks: [] };
  const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/\bId="([^"]+)"/.exec(m[0])?.[1], /\bTarget="([^"]+)"/.exec(m[0])?.[1]]));
  const found: string[] = [];
  const xml = documentXml.replace(/<w:altChunk\b([^>]*?)(?:\/>|>[\s\S]*?<\/w:altChunk>)/g, (_m, attrs: string) => {
    const target = targets.get(/\br:id="([^"]+)"/.exec(attrs)?.[1]) ?? '';
    found.push(target.startsWith('/') ? target.slice(1) : path.posix.join('word', target));
    return `<w:p>${textRun(marker(found.length - 1))}</w:p>`;
  });
  const chunks = await Promise.all(
    found.map(async (part) => {
      const read = await chunkHtml(zip.file(part) ? await zip.file(part)!.async('nodebuffer') : undefined, part);
      return { part, ...(read ? { html: read.text, ...(read.note ? { note: read.note } : {}) } : {}) };
    }),
  );
  return { xml, chunks };
}

/** mammoth's HTML with each marked paragraph replaced by its chunk's body (nothing for one that cannot be read). */
export function withChunks(html: string, chunks: readonly AltChunk[]): string {
  if (chunks.length === 0) return html;
  return html.replace(/<p\b[^>]*>⟦nd-chunk-(\d+)⟧<\/p>/g, (_m, i: string) => bodyOf(chunks[Number(i)]?.html ?? ''));
}

async function chunkHtml(bytes: Buffer | undefined, part: string): Promise<Decoded | undefined> {
  if (!bytes) return undefined;
  switch (path.extname(part).toLowerCase()) {
    case '.htm':
    case '.html':
    case '.xhtml':
      return decodeBytes(bytes, declaredCharset(bytes.subarray(0, 2048).toString('latin1')));
    case '.mht':
    case '.mhtml':
      return mhtHtml(bytes);
    case '.docx':
      return { text: (await mammoth.convertToHtml({ buffer: bytes })).value };
    case '.txt': {
      const { text, note } = decodeBytes(bytes);
      const html = text
        .split(/\r?\n/)
        .filter((line) => line.trim())
        .map((line) => `<p>${escapeXml(line)}</p>`)
        .join('');
      return { text: html, ...(note ? { note } : {}) };
    }
    default:
      return undefined;
  }
}

/** The HTML part of an MHT file (MIME multipart), decoded as its headers say. */
export function mhtHtml(bytes: Buffer): Decoded | undefined {
  const text = bytes.toString('latin1');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text)?.[1];
  const parts = boundary ? text.split(`--${boundary}`) : [text];
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    const headers = split < 0 ? '' : part.slice(0, split);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const raw =
      encoding === 'base64'
        ? Buffer.from(body, 'base64')
        : encoding === 'quoted-printable'
          ? Buffer.from(
              body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            )
          : Buffer.from(body, 'latin1');
    return decodeBytes(raw, declaredCharset(headers));
  }
  return undefined;
}

const bodyOf = (html: string) => /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html)?.[1] ?? html.replace(/<head\b[\s\S]*?<\/head>/i, '');
