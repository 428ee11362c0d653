import { DOMParser } from '@xmldom/xmldom';
import dingbatToUnicode from 'dingbat-to-unicode';
import { escapeXml } from '../lib/xml.ts';
import { decodeXml, paragraphsOf, textRun, xmlText } from './docx-parts.ts';

/** What was changed in document.xml before mammoth reads it, for the report: the text, and why. */
export interface ObjectNote {
  text: string;
  reason: string;
}

const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/**
 * Objects of a Word document that mammoth drops without a trace, made text or named for the report:
 * - equations (Office Math, `m:oMathPara` and `m:oMath`) become their linear form («K = N₁/N» as
 *   `K=N1/N`), so no formula vanishes from a sentence;
 * - a text box drawn without the older VML copy (which mammoth reads) becomes its text, in place;
 * - a chart, a SmartArt diagram or a shape without text is named (it cannot be text).
 */
export function objectsAsText(documentXml: string): { xml: string; notes: ObjectNote[] } {
  const notes: ObjectNote[] = [];
  let xml = documentXml.replace(/<m:oMathPara\b[\s\S]*?<\/m:oMathPara>|<m:oMath\b[\s\S]*?<\/m:oMath>/g, (math) => {
    const text = linearMath(math);
    notes.push({ text, reason: 'формула Word перенесена текстом в линейной записи (дробь — «/», степень — «^», индекс — «_»): проверьте её' });
    return textRun(text);
  });
  // mammoth reads a text box from the VML fallback of mc:AlternateContent; a drawing of its own has none.
  const alternates: string[] = [];
  xml = xml.replace(/<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g, (m) => `\u0000${alternates.push(m) - 1}\u0000`);
  xml = xml.replace(/<w:drawing\b[\s\S]*?<\/w:drawing>/g, (drawing) => {
    if (/<pic:pic\b/.test(drawing)) return drawing; // a picture: mammoth reads and the import reports it
    const box = /<w:txbxContent\b[\s\S]*<\/w:txbxContent>/.exec(drawing)?.[0];
    if (box) {
      const text = paragraphsOf(box).join(' ');
      notes.push({ text: text || '(пустая надпись)', reason: 'надпись (текстовое поле) перенесена текстом в абзац, где она стоит' });
      return text ? `<w:t xml:space="preserve"> ${escapeXml(text)} </w:t>` : '';
    }
    const name = /<wp:docPr\b[^>]*\bname="([^"]*)"/.exec(drawing)?.[1] ?? '';
    const kind = /<c:chart\b/.test(drawing) ? 'диаграмма' : /<dgm:relIds\b/.test(drawing) ? 'схема SmartArt' : 'фигура';
    notes.push({ text: `${kind}${name ? ` «${name}»` : ''}`, reason: `${kind} не переносится: перенесите её содержимое текстом или таблицей вручную` });
    return drawing;
  });
  xml = xml.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => alternates[Number(i)]!);
  return { xml, notes };
}

/** An Office Math fragment in linear form: the text of every part, with the structure as «/», «^», «_», brackets. */
export function linearMath(fragment: string): string {
  // The fragment is parsed on its own: its prefixes are declared around it.
  const wrapped = `<r xmlns:m="${MATH_NS}" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fragment}</r>`;
  try {
    const quiet = () => {};
    const root = new DOMParser({ errorHandler: { warning: quiet, error: quiet } }).parseFromString(wrapped, 'text/xml').documentElement;
    if (root) return linear(root).replace(/\s+/g, ' ').trim();
  } catch {
    // Not well-formed: its text, as the runs hold it.
  }
  return xmlText(fragment.replace(/<(\/?)m:t\b/g, '<$1w:t'));
}

/** xmldom's nodes are typed with the DOM's own types. */
type XmlElement = Element;

const elements = (node: XmlElement): XmlElement[] => Array.from(node.childNodes as ArrayLike<Node>).filter((n): n is XmlElement => n.nodeType === 1);
const child = (node: XmlElement, name: string) => elements(node).find((e) => e.localName === name);
const prop = (node: XmlElement, pr: string, name: string) => {
  const p = child(node, pr);
  const e = p && child(p, name);
  return e ? e.getAttributeNS(MATH_NS, 'val') || e.getAttribute('m:val') || '' : undefined;
};
/** A part in brackets unless it is one symbol, one number or already bracketed. */
const group = (text: string) => (/^[\p{L}\p{N}.,]+$/u.test(text) || /^\(.*\)$/.test(text) ? text : `(${text})`);
const part = (node: XmlElement, name: string) => {
  const e = child(node, name);
  return e ? linear(e) : '';
};

function linear(node: XmlElement): string {
  const sub = (name: string, mark: string) => {
    const text = part(node, name);
    return text ? `${mark}${group(text)}` : '';
  };
  switch (node.localName) {
    case 't':
      return node.textContent ?? '';
    case 'f':
      return `${group(part(node, 'num'))}/${group(part(node, 'den'))}`;
    case 'sSup':
      return `${part(node, 'e')}${sub('sup', '^')}`;
    case 'sSub':
      return `${part(node, 'e')}${sub('sub', '_')}`;
    case 'sSubSup':
      return `${part(node, 'e')}${sub('sub', '_')}${sub('sup', '^')}`;
    case 'sPre':
      return `${sub('sub', '_')}${sub('sup', '^')}${part(node, 'e')}`;
    case 'rad': {
      const degree = part(node, 'deg');
      return `${degree === '3' ? '∛' : degree === '4' ? '∜' : degree ? `${group(degree)}√` : '√'}${group(part(node, 'e'))}`;
    }
    case 'd': {
      const items = elements(node).filter((e) => e.localName === 'e');
      const [open, close, separator] = [prop(node, 'dPr', 'begChr') ?? '(', prop(node, 'dPr', 'endChr') ?? ')', prop(node, 'dPr', 'sepChr') ?? '|'];
      return `${open}${items.map(linear).join(separator)}${close}`;
    }
    case 'nary':
      return `${prop(node, 'naryPr', 'chr') ?? '∫'}${sub('sub', '_')}${sub('sup', '^')} ${part(node, 'e')}`;
    case 'acc':
      return `${part(node, 'e')}${prop(node, 'accPr', 'chr') ?? '\u0302'}`;
    case 'bar':
      return `${part(node, 'e')}${prop(node, 'barPr', 'pos') === 'bot' ? '\u0332' : '\u0305'}`;
    case 'func':
      return `${part(node, 'fName')} ${part(node, 'e')}`;
    case 'limLow':
      return `${part(node, 'e')}${sub('lim', '_')}`;
    case 'limUpp':
      return `${part(node, 'e')}${sub('lim', '^')}`;
    case 'eqArr':
      return elements(node)
        .filter((e) => e.localName === 'e')
        .map(linear)
        .join('; ');
    case 'm':
      return `[${elements(node)
        .filter((e) => e.localName === 'mr')
        .map((row) => elements(row).map(linear).join(' '))
        .join('; ')}]`;
    default:
      // Properties say how a part looks, not what it says; anything else is the text of its parts.
      if (node.localName?.endsWith('Pr')) return '';
      return elements(node).map(linear).join('');
  }
}

/** A Word on/off property switched on: present with no value, or true/1/on (`<w:vanish/>`, `<w:showingPlcHdr/>`). */
const switchedOn = (tag: string) => new RegExp(`<w:${tag}\\b(?![^>]*\\bw:val="(?:false|0|off)")[^>]*\\/>`);
const VANISH = switchedOn('vanish');
const PLACEHOLDER_SHOWN = switchedOn('showingPlcHdr');
/** A run's own properties (`w:rPr`), empty when it has none. */
const runProps = (run: string) => /<w:rPr\b[^>]*>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '';
/** One run that holds no other run (runs nest only inside drawings), with its properties. */
const RUN = /<w:r\b(?:\s[^>]*)?>(?:(?!<w:r\b)[\s\S])*?<\/w:r>/g;

/**
 * Text formatted hidden (Word's «Скрытый»: `w:vanish` on the run or on its character style) is not seen
 * on screen or in print, and templates keep instructions and notes in it; mammoth would publish it as
 * plain text. Hidden runs are taken out and their text listed in the report, adjacent runs together.
 * Text hidden only in web view (`w:webHidden`, the page numbers of a table of contents) is not this.
 */
export function withoutHiddenText(documentXml: string, stylesXml = ''): { xml: string; notes: ObjectNote[] } {
  const hiddenStyles = new Set(
    [...stylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)].filter(([, , body]) => VANISH.test(body!)).map(([, id]) => id!),
  );
  const hidden = (run: string) => {
    const props = runProps(run);
    const style = /<w:rStyle\b[^>]*\bw:val="([^"]+)"/.exec(props)?.[1];
    return VANISH.test(props) || (style !== undefined && hiddenStyles.has(style));
  };
  /** The hidden runs' XML, runs side by side (one phrase split by formatting) as one. */
  const groups: string[] = [];
  let lastEnd = -1;
  const xml = documentXml.replace(RUN, (run, offset: number) => {
    if (!hidden(run)) return run;
    if (offset === lastEnd && groups.length) groups[groups.length - 1] += run;
    else groups.push(run);
    lastEnd = offset + run.length;
    return '';
  });
  const notes = groups
    .map((group) => xmlText(group) || (/<w:(?:drawing|pict|object)\b/.test(group) ? '(скрытый рисунок или объект)' : ''))
    .filter(Boolean)
    .map((text) => ({
      text: text.slice(0, 200),
      reason: 'скрытый текст Word не перенесён: в документе он не виден и не печатается; если он нужен на портале, снимите с него скрытие в исходнике',
    }));
  return { xml: groups.length ? xml : documentXml, notes };
}

/** A content control (`w:sdt`) that holds no other, with its properties and content. */
const CONTENT_CONTROL = /<w:sdt>(?:(?!<w:sdt>)[\s\S])*?<\/w:sdt>/g;

/**
 * A content control of a form left empty shows its prompt («Щёлкните здесь, чтобы ввести текст.», marked
 * `w:showingPlcHdr`); mammoth would publish the prompt as the document's text. Such controls are taken
 * out and their prompt named in the report, for the author to fill the field in the edition.
 */
export function withoutPlaceholders(documentXml: string): { xml: string; notes: ObjectNote[] } {
  const notes: ObjectNote[] = [];
  const xml = documentXml.replace(CONTENT_CONTROL, (control) => {
    if (!PLACEHOLDER_SHOWN.test(control)) return control;
    const prompt = xmlText(/<w:sdtContent>([\s\S]*)<\/w:sdtContent>/.exec(control)?.[1] ?? '');
    notes.push({ text: prompt || '(пустое поле)', reason: 'незаполненное поле формы Word: его подсказка не перенесена — заполните это место в редакции' });
    // A control around whole paragraphs leaves one empty paragraph, so the paragraphs around stay apart.
    return /<w:sdtContent>\s*<w:p\b/.test(control) ? '<w:p/>' : '';
  });
  return { xml: notes.length ? xml : documentXml, notes };
}

/** Fonts whose letters are pictures: a run in them means another character than its code says. */
const SYMBOL_FONT = /^(?:symbol|wingdings(?: [23])?|webdings)$/i;

/**
 * Text typed in a symbol font (Symbol, Wingdings, Webdings): Word and LibreOffice store «✓» as U+F0FC
 * (or «±» as «±» in Symbol, «α» as «a»), shown right only in that font. mammoth converts `w:sym` but not
 * such runs, so the portal showed empty boxes or Latin letters. Each character becomes its Unicode
 * equivalent (dingbat-to-unicode, mammoth's own table), named in the report; a character the table
 * does not know is named for the author to replace.
 */
export function symbolFontsAsUnicode(documentXml: string): { xml: string; notes: ObjectNote[] } {
  const converted = new Map<string, string>();
  const unknown = new Set<string>();
  const xml = documentXml.replace(RUN, (run) => {
    const font = /<w:rFonts\b[^>]*\bw:(?:ascii|hAnsi|cs)="([^"]+)"/.exec(runProps(run))?.[1];
    if (!font || !SYMBOL_FONT.test(font)) return run;
    return run.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, (_m, open: string, text: string, close: string) => {
      const mapped = [...decodeXml(text)]
        .map((ch) => {
          const code = ch.codePointAt(0)!;
          const symbol = dingbatToUnicode.codePoint(font, code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code)?.string;
          if (symbol) converted.set(`${font} U+${code.toString(16).toUpperCase().padStart(4, '0')}`, symbol);
          else if (code >= 0xe000 && code <= 0xf8ff) unknown.add(`${font} U+${code.toString(16).toUpperCase()}`);
          return symbol ?? ch;
        })
        .join('');
      return `${open}${escapeXml(mapped)}${close}`;
    });
  });
  const notes: ObjectNote[] = [
    ...[...converted].map(([key, symbol]) => ({
      text: `${key} → «${symbol}»`,
      reason: 'знак символьного шрифта заменён символом Юникода (без этого шрифта на портале он не виден): проверьте',
    })),
    ...[...unknown].map((text) => ({ text, reason: 'знак символьного шрифта без соответствия в Юникоде: замените его в редакции словом или символом' })),
  ];
  return { xml: notes.length ? xml : documentXml, notes };
}
