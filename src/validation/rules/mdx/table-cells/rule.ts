import { entries } from '../../../../analysis/entries.ts';
import { defineRule } from '../../../rule.ts';

/** «2 столбца», «5 столбцов», «21 столбец». */
function columns(n: number): string {
  const [tens, ones] = [n % 100, n % 10];
  const word = tens >= 11 && tens <= 14 ? 'столбцов' : ones === 1 ? 'столбец' : ones >= 2 && ones <= 4 ? 'столбца' : 'столбцов';
  return `${n} ${word}`;
}

/**
 * `| Аудитор | проводит аудит | и пишет отчёт |` under a header of two columns: Markdown publishes two
 * cells, and «и пишет отчёт» never reaches the page. Each extra cell is named with its text.
 */
export default defineRule(
  { id: 'mdx/table-cells', severity: 'error', description: 'в строке таблицы не больше ячеек, чем столбцов в её заголовке' },
  (context) => {
    for (const { entry, extracted } of entries(context))
      for (const m of extracted.marks) {
        if (m.kind !== 'table-extra-cell') continue;
        const text = (m.label ?? '').trim();
        context.report(
          { file: entry.file, offset: m.offset },
          `в таблице ${columns(m.columns ?? 0)}, а в строке есть ${m.column}-я ячейка${text ? ` «${text.slice(0, 60)}»` : ''}: на страницу она не попадёт — добавьте столбец в заголовок и строку «| --- |» или перенесите текст в соседнюю ячейку`,
        );
      }
  },
);
