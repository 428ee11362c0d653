import type { ObjectNote } from './docx-objects.ts';
import { textRun, xmlText } from './docx-parts.ts';

/** A paragraph that holds no other (paragraphs nest only inside text boxes), or an empty one written `<w:p/>`. */
const PARAGRAPH = /<w:p\b(?:\s[^>]*?)?(?:\/>|>(?:(?!<w:p\b)[\s\S])*?<\/w:p>)/g;
/** Word's drop cap: the letter sits in a paragraph of its own, framed beside the lines it drops into. */
const DROP_CAP = /<w:framePr\b[^>]*\bw:dropCap="(?:drop|margin)"/;
/** Where a paragraph's runs begin: after its opening tag and its properties. */
const RUNS_START = /^<w:p\b[^>]*>(?:\s*<w:pPr\b[^>]*\/>|\s*<w:pPr\b[\s\S]*?<\/w:pPr>)?/;

/**
 * Word writes a drop cap («Н» of «Настоящее…», set large over three lines) as a paragraph of its own,
 * framed (`w:framePr w:dropCap`), before the paragraph it begins; read as it stands, the word would be
 * split: «Н» and «астоящее…» as two paragraphs. The letter is put back at the start of its paragraph,
 * each such join named in the report. A drop cap with no paragraph right after it stays where it is.
 */
export function dropCapsJoined(documentXml: string): { xml: string; notes: ObjectNote[] } {
  const notes: ObjectNote[] = [];
  const paragraphs = [...documentXml.matchAll(PARAGRAPH)];
  let xml = '';
  let at = 0;
  for (let i = 0; i < paragraphs.length - 1; i++) {
    const cap = paragraphs[i]!;
    const next = paragraphs[i + 1]!;
    const letter = DROP_CAP.test(cap[0]) ? xmlText(cap[0]) : '';
    const capEnd = cap.index + cap[0].length;
    const start = RUNS_START.exec(next[0]);
    // Only a paragraph that follows at once (nothing but space between) is the one the letter begins.
    if (!letter || !start || next[0].endsWith('/>') || documentXml.slice(capEnd, next.index).trim()) continue;
    const joined = `${start[0]}${textRun(letter)}${next[0].slice(start[0].length)}`;
    xml += documentXml.slice(at, cap.index) + documentXml.slice(capEnd, next.index) + joined;
    at = next.index + next[0].length;
    notes.push({ text: `${letter}${xmlText(next[0])}`.slice(0, 80), reason: 'буквица Word (отдельный абзац в рамке) возвращена в начало своего абзаца' });
    i++;
  }
  return { xml: xml + documentXml.slice(at), notes };
}
