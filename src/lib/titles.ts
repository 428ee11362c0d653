/**
 * A document's name as every page shows it: its kind (from the code's prefix) and its title, composed
 * once. A title that already starts with the kind («Политика МТС в области качества…») is shown as it
 * is; otherwise the kind comes first and the title in quotes: «Регламент «Порядок аудита»».
 */
export function documentTitle(typeName: string | undefined, title: string): string {
  if (!typeName) return title;
  const startsWithType = title.toLocaleLowerCase('ru').startsWith(typeName.toLocaleLowerCase('ru')) && /^[\s\u00a0«"]|^$/.test(title.slice(typeName.length));
  return startsWithType ? title : `${typeName} «${title}»`;
}
