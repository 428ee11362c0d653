/**
 * The case forms of a document type's name («Политика» → «Политики», «Политике», «Политику»…), singular
 * then plural, in the order nominative, genitive, dative, accusative, instrumental, prepositional. The
 * names in registries/document-types.json are nouns of five regular patterns; a name of several words
 * («Стандарт качества») inflects its first word only.
 */
const PATTERNS: Array<{ ending: RegExp; cut: number; forms: string[] }> = [
  // Инструкция
  { ending: /ия$/, cut: 1, forms: ['я', 'и', 'и', 'ю', 'ей', 'и', 'и', 'й', 'ям', 'и', 'ями', 'ях'] },
  // Положение
  { ending: /ие$/, cut: 1, forms: ['е', 'я', 'ю', 'е', 'ем', 'и', 'я', 'й', 'ям', 'я', 'ями', 'ях'] },
  // Политика, Процедура (ы → и after к, г, х, ж, ш, ч, щ)
  { ending: /а$/, cut: 1, forms: ['а', 'ы', 'е', 'у', 'ой', 'е', 'ы', '', 'ам', 'ы', 'ами', 'ах'] },
  // Руководство
  { ending: /о$/, cut: 1, forms: ['о', 'а', 'у', 'о', 'ом', 'е', 'а', '', 'ам', 'а', 'ами', 'ах'] },
  // Регламент, Стандарт
  { ending: /[бвгджзклмнпрстфхцчшщ]$/, cut: 0, forms: ['', 'а', 'у', '', 'ом', 'е', 'ы', 'ов', 'ам', 'ы', 'ами', 'ах'] },
];

/** Twelve forms (six cases × two numbers) of a type name; the name itself twelve times for an unknown pattern. */
export function typeNameForms(name: string): string[] {
  const [first = '', ...rest] = name.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const pattern = PATTERNS.find((p) => p.ending.test(first.toLowerCase()));
  if (!pattern) return Array.from({ length: 12 }, () => name);
  const stem = first.slice(0, first.length - pattern.cut);
  return pattern.forms.map((ending) => {
    const fixed = ending === 'ы' && /[кгхжшчщ]$/i.test(stem) ? 'и' : ending;
    return `${stem}${fixed}${tail}`;
  });
}
