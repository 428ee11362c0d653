/**
 * Invisible and format characters that arrive by copying from Word, PDF or a browser: they change
 * nothing on screen and split what the checker and search read («ПТ‑\u200B035» is no code).
 */
const NAMES: Record<string, string> = {
  '\u00ad': 'мягкий перенос',
  '\u200b': 'пробел нулевой ширины',
  '\u200c': 'разъединитель нулевой ширины',
  '\u200d': 'соединитель нулевой ширины',
  '\u200e': 'знак направления слева направо',
  '\u200f': 'знак направления справа налево',
  '\u2060': 'соединитель слов',
  '\u2061': 'невидимый знак функции',
  '\u2062': 'невидимый знак умножения',
  '\u2063': 'невидимый разделитель',
  '\u2064': 'невидимый знак сложения',
  '\ufeff': 'метка порядка байтов (BOM) внутри текста',
};
for (const ch of '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069') NAMES[ch] = 'управление направлением текста';

export const INVISIBLE_RE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** `U+200B (пробел нулевой ширины)`: how a message names one. */
export function describeInvisible(ch: string): string {
  const code = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} (${NAMES[ch] ?? 'невидимый символ'})`;
}
