import type JSZip from 'jszip';
import { escapeXml } from '../lib/xml.ts';

/** XML text of the runs inside a fragment: w:t (and w:delText when asked), tabs and breaks as spaces. */
export function xmlText(xml: string, deleted = false): string {
  const re = deleted
    ? /<w:(?:delText|t)(?:\s[^>]*)?>([^<]*)<\/w:(?:delText|t)>|<w:(?:tab|br)\b[^>]*\/>/g
    : /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\b[^>]*\/>/g;
  return [...xml.matchAll(re)]
    .map((m) => (m[1] === undefined ? ' ' : decodeXml(m[1])))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of XML character data: entities and character references decoded. */
export const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e === 'lt'
      ? '<'
      : e === 'gt'
        ? '>'
        : e === 'amp'
          ? '&'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

/** A Word run of plain text, spaces kept: what the import writes into document.xml before mammoth reads it. */
export const textRun = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** Paragraph texts of a part (header, footer, comment), one string per w:p. */
export const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => xmlText(m[0])).filter((t) => t !== '');

const attr = (xml: string, tag: string) => new RegExp(`<w:${tag}\\b[^>]*w:val="([^"]*)"`).exec(xml)?.[1];

interface Level {
  fmt: string;
  text: string;
  start: number;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];
function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) while (n >= value) ((out += digits), (n -= value));
  return out;
}
const RUSSIAN = 'абвгдежзиклмнопрстуфхцшщэюя';

function formatNumber(n: number, fmt: string): string | undefined {
  switch (fmt) {
    case 'decimal':
    case 'decimalZero':
      return String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'russianLower':
      return RUSSIAN[(n - 1) % RUSSIAN.length];
    case 'russianUpper':
      return RUSSIAN[(n - 1) % RUSSIAN.length]!.toUpperCase();
    default:
      return undefined;
  }
}

/** What a paragraph's automatic number is written as, and how many of each kind were written. */
export interface Numbered {
  xml: string;
  /** Headings whose number was written into their text. */
  headings: number;
  /** Paragraphs of a list numbered like clauses («1.2.»), which a Markdown list cannot show: label written, list left. */
  clauses: number;
}

/**
 * Word's automatic numbering (numbering.xml), written into the text where the import would lose it:
 * - headings: mammoth reads them without their numbers;
 * - the paragraphs of a list numbered like clauses, several levels in one label («1.2.»: normative
 *   documents number their clauses so, and cite them as «п. 1.2»), which a Markdown list cannot show:
 *   they become paragraphs that start with their label, as the document shows them. A list numbered
 *   1., 2., 3. (or а), б), nested) stays a list.
 */
export async function numberParagraphs(zip: JSZip, documentXml: string): Promise<Numbered> {
  const numberingXml = (await zip.file('word/numbering.xml')?.async('string')) ?? '';
  if (!numberingXml) return { xml: documentXml, headings: 0, clauses: 0 };
  const model = numberingModel(numberingXml, (await zip.file('word/styles.xml')?.async('string')) ?? '');
  const counters = new Map<string, number[]>();
  const counts = { headings: 0, clauses: 0 };
  const xml = documentXml.replace(/<w:p\b(?:[^>]*[^/])?>[\s\S]*?<\/w:p>/g, (p) => {
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '';
    const style = model.style(attr(pPr, 'pStyle'));
    const numId = attr(pPr, 'numId') ?? style.numId;
    if (!numId || numId === '0') return p;
    const ilvl = Number(attr(pPr, 'ilvl') ?? style.ilvl ?? style.outline ?? 0);
    const abstractId = model.nums.get(numId);
    const levels = abstractId === undefined ? undefined : model.abstracts.get(abstractId);
    const level = levels?.[ilvl];
    if (!levels || !level || !level.text || !formatNumber(1, level.fmt)) return p;
    const clause = !style.heading && levels.some((l) => (l?.text.match(/%\d/g)?.length ?? 0) > 1);
    // Counted whether written or not: a list's numbers go on across the paragraphs a Markdown list shows.
    const c = counters.get(abstractId!) ?? [];
    counters.set(abstractId!, c);
    c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl]! + 1;
    for (let i = 0; i < ilvl; i++) c[i] ??= levels[i]?.start ?? 1;
    c.length = ilvl + 1;
    if (!style.heading && !clause) return p;
    const label = level.text.replace(/%(\d)/g, (_m, d: string) => formatNumber(c[Number(d) - 1] ?? 1, levels[Number(d) - 1]?.fmt ?? 'decimal') ?? '');
    if (!label.trim()) return p;
    counts[clause ? 'clauses' : 'headings'] += 1;
    const run = textRun(`${label} `);
    // A clause leaves the list: numbering 0 is «none», also over a numbered paragraph style.
    const props = clause ? pPr.replace(/<w:numPr>[\s\S]*?<\/w:numPr>|(?=<\/w:pPr>)/, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>') : pPr;
    return pPr ? p.replace(pPr, props + run) : p.replace(/(<w:p\b[^>]*>)/, `$1${run}`);
  });
  return { xml, ...counts };
}

/** numbering.xml's lists (abstract numberings and their instances) and the paragraph styles that number. */
function numberingModel(numberingXml: string, stylesXml: string) {
  const abstracts = new Map<string, Level[]>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g))
      levels[Number(l[1])] = { fmt: attr(l[2]!, 'numFmt') ?? 'decimal', text: attr(l[2]!, 'lvlText') ?? '', start: Number(attr(l[2]!, 'start') ?? 1) };
    abstracts.set(m[1]!, levels);
  }
  const nums = new Map<string, string>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) nums.set(m[1]!, attr(m[2]!, 'abstractNumId') ?? '');
  return { abstracts, nums, style: paragraphStyles(stylesXml) };
}

/** A paragraph style of styles.xml: its id and its body. */
const PARAGRAPH_STYLE = /<w:style\b[^>]*w:type="paragraph"[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g;

/** A paragraph style as it applies, its parents' properties included. */
export interface ResolvedStyle {
  /** A heading: Word's «heading N», or a style of the document's own with an outline level 1–6 («МТС Заголовок 1»). */
  heading: boolean;
  /** Its level (1–6) when it is a heading by outline level. */
  outlineHeading?: number;
  numId?: string;
  ilvl?: string;
  outline?: string;
}

/**
 * styles.xml's paragraph styles, each resolved through the styles it is based on. Corporate templates
 * make their headings as styles of their own with an outline level (`w:outlineLvl` 0–5) rather than
 * Word's «heading N»: those are headings too.
 */
export function paragraphStyles(stylesXml: string): (id: string | undefined) => ResolvedStyle {
  const styles = new Map<string, { name: string; basedOn?: string; numId?: string; ilvl?: string; outline?: string }>();
  for (const m of stylesXml.matchAll(PARAGRAPH_STYLE)) {
    const body = m[2]!;
    styles.set(m[1]!, {
      name: attr(body, 'name') ?? '',
      basedOn: attr(body, 'basedOn'),
      numId: attr(body, 'numId'),
      ilvl: attr(body, 'ilvl'),
      outline: attr(body, 'outlineLvl'),
    });
  }
  const style = (id: string | undefined, depth = 0): ResolvedStyle => {
    const s = id ? styles.get(id) : undefined;
    if (!s || depth > 10) return { heading: false };
    const parent = style(s.basedOn, depth + 1);
    const outline = s.outline ?? parent.outline;
    const named = /^heading \d$/i.test(s.name);
    const outlineHeading = !named && outline !== undefined && Number(outline) <= 5 ? Number(outline) + 1 : undefined;
    return {
      heading: named || outlineHeading !== undefined || parent.heading,
      outlineHeading,
      numId: s.numId ?? parent.numId,
      ilvl: s.ilvl ?? parent.ilvl,
      outline,
    };
  };
  return style;
}

/** mammoth's style map lines for the styles that are headings by outline level: `p[style-name='МТС Раздел'] => h2:fresh`. */
export function outlineHeadingStyleMap(stylesXml: string): string[] {
  const resolve = paragraphStyles(stylesXml);
  const lines: string[] = [];
  for (const m of stylesXml.matchAll(PARAGRAPH_STYLE)) {
    const name = attr(m[2]!, 'name');
    const level = resolve(m[1]).outlineHeading;
    // mammoth's style map quotes names in '…'; a name with a quote or a backslash in it cannot be written there.
    if (name && level && !/['\\]/.test(name)) lines.push(`p[style-name='${name}'] => h${level}:fresh`);
  }
  return lines;
}

/**
 * Paragraphs given an outline level directly (Paragraph → Outline level «Уровень 2», not a heading style):
 * Word's navigation pane shows them as headings, mammoth reads them as text. Each gets a paragraph style
 * of the import's own, `nd outline N`, added to styles.xml with that outline level, so it is a heading
 * like any template style with one (`outlineHeadingStyleMap`). A paragraph already in a heading style is
 * left as it is.
 */
export function outlineParagraphs(documentXml: string, stylesXml: string): { xml: string; stylesXml: string; count: number } {
  const style = paragraphStyles(stylesXml);
  const used = new Set<number>();
  const xml = documentXml.replace(/<w:p\b(?:[^>]*[^/])?>[\s\S]*?<\/w:p>/g, (p) => {
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0];
    const level = Number(attr(pPr ?? '', 'outlineLvl') ?? 9);
    if (!pPr || level > 5 || style(attr(pPr, 'pStyle')).heading) return p;
    used.add(level);
    const own = `<w:pStyle w:val="NdOutline${level + 1}"/>`;
    const props = /<w:pStyle\b[^>]*\/>/.test(pPr) ? pPr.replace(/<w:pStyle\b[^>]*\/>/, own) : pPr.replace('<w:pPr>', `<w:pPr>${own}`);
    return p.replace(pPr, props);
  });
  if (used.size === 0) return { xml: documentXml, stylesXml, count: 0 };
  const added = [...used]
    .map(
      (l) =>
        `<w:style w:type="paragraph" w:styleId="NdOutline${l + 1}"><w:name w:val="nd outline ${l + 1}"/><w:pPr><w:outlineLvl w:val="${l}"/></w:pPr></w:style>`,
    )
    .join('');
  const styles = stylesXml.includes('</w:styles>')
    ? stylesXml.replace('</w:styles>', `${added}</w:styles>`)
    : `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${added}</w:styles>`;
  return { xml, stylesXml: styles, count: [...xml.matchAll(/w:val="NdOutline\d"/g)].length };
}
