/**
 * Russian where Pagefind writes English or knows only two plural forms: result counts, the filter dropdowns' labels
 * and their accessible names.
 */

const RESULT_FORMS: Record<Intl.LDMLPluralRule, string> = {
  zero: 'результатов',
  one: 'результат',
  two: 'результата',
  few: 'результата',
  many: 'результатов',
  other: 'результата',
};
const PLURAL = new Intl.PluralRules('ru');

/**
 * Pagefind knows «one» and «many»; Russian counts need three forms: 1 результат, 3 результата, 5 результатов,
 * 21 результат. Returns the string for a count-bearing key, or undefined to leave the key to Pagefind.
 */
export function russianCount(key: string, count: number): string | undefined {
  const form = RESULT_FORMS[PLURAL.select(count)];
  if (key === 'one_result' || key === 'many_results') return `[COUNT] ${form} по запросу: [SEARCH_TERM]`;
  if (key === 'total_one_result' || key === 'total_many_results') return `[COUNT] ${form}`;
  return undefined;
}

/** A count in Russian: 1 результат, 3 результата, 5 результатов. */
const countText = (count: number) => `${count} ${RESULT_FORMS[PLURAL.select(count)]}`;
const FILTER_FORMS: Record<Intl.LDMLPluralRule, string> = {
  zero: 'фильтров',
  one: 'фильтр',
  two: 'фильтра',
  few: 'фильтра',
  many: 'фильтров',
  other: 'фильтра',
};

/**
 * Pagefind's filter dropdown writes a few labels in English whatever the language («Политика, 4 results»,
 * «Тип, 1 filter selected», «Loading filter options...»). Their Russian, or undefined for anything else.
 */
export function russianLabel(text: string): string | undefined {
  const option = /^(.*), (\d+) results?$/.exec(text);
  if (option) return `${option[1]}: ${countText(Number(option[2]))}`;
  const selected = /^(.*), (\d+) filters? selected$/.exec(text);
  if (selected) {
    const n = Number(selected[2]);
    return `${selected[1]}: выбран${n === 1 ? '' : 'о'} ${n} ${FILTER_FORMS[PLURAL.select(n)]}`;
  }
  if (text === 'Loading filter options...') return 'Загрузка значений фильтра…';
  const unknown = /^No filter "(.*)" found$/.exec(text);
  if (unknown) return `Фильтра «${unknown[1]}» нет`;
  return undefined;
}

/** Translates those labels as Pagefind writes them, and names each dropdown (a combobox takes no name from its text). */
export function russianFilterDropdowns(root: HTMLElement): void {
  const translate = () => {
    for (const dropdown of root.querySelectorAll<HTMLElement>('pagefind-filter-dropdown')) {
      const trigger = dropdown.querySelector<HTMLElement>('.pf-dropdown-trigger');
      const name = `Фильтр «${dropdown.getAttribute('label') ?? ''}»`;
      if (trigger) {
        const current = trigger.getAttribute('aria-label') ?? '';
        const selected = /, (\d+) filters? selected$/.exec(current);
        const label = selected ? russianLabel(`${name}, ${selected[1]} filters selected`) : current.startsWith(name) ? current : name;
        if (label && current !== label) trigger.setAttribute('aria-label', label);
      }
      for (const element of dropdown.querySelectorAll<HTMLElement>('[aria-label]')) {
        const russian = russianLabel(element.getAttribute('aria-label') ?? '');
        if (russian) element.setAttribute('aria-label', russian);
      }
      for (const element of dropdown.querySelectorAll<HTMLElement>('*')) {
        const text = element.childElementCount === 0 ? (element.textContent ?? '') : '';
        const russian = text && russianLabel(text);
        if (russian) element.textContent = russian;
      }
    }
  };
  translate();
  new MutationObserver(translate).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'], characterData: true });
}
