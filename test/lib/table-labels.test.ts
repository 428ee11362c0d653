import { describe, expect, it } from 'vitest';
import { labelTables } from '../../src/lib/table-labels.ts';

describe('labelTables', () => {
  it('labels each body cell with its column’s header and marks the table', () => {
    const html =
      '<p>x</p><table id="r"><thead><tr><th scope="col">Код</th><th>Наименование <small class="x">и&nbsp;вид</small></th></tr></thead>' +
      '<tbody><tr><td><a href="/">ПТ-035</a></td><td>Политика</td></tr><tr><th scope="row">ПР-1</th><td data-label="свой">П</td></tr></tbody></table>';
    expect(labelTables(html)).toBe(
      '<p>x</p><table data-stack id="r"><thead><tr><th scope="col">Код</th><th>Наименование <small class="x">и&nbsp;вид</small></th></tr></thead>' +
        '<tbody><tr><td data-label="Код"><a href="/">ПТ-035</a></td><td data-label="Наименование и вид">Политика</td></tr>' +
        '<tr><th scope="row" data-label="Код">ПР-1</th><td data-label="свой">П</td></tr></tbody></table>',
    );
  });

  it('escapes a label for its attribute', () => {
    expect(labelTables('<table><thead><tr><th>«А» &amp; "Б"</th><th>В</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>')).toContain(
      '<td data-label="«А» &amp; &quot;Б&quot;">1</td>',
    );
  });

  it('leaves alone tables without one plain header row, and nested tables', () => {
    const cases = [
      '<table><tbody><tr><th>Ключ</th><td>Значение</td></tr></tbody></table>',
      '<table><thead><tr><th colspan="2">Обе</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      '<table><thead><tr><th>А</th><th>Б</th></tr><tr><th>В</th><th>Г</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    ];
    for (const html of cases) expect(labelTables(html)).toBe(html);
  });

  it('skips a merged body cell but keeps counting columns after it', () => {
    const html = '<table><thead><tr><th>А</th><th>Б</th><th>В</th></tr></thead><tbody><tr><td colspan="2">12</td><td>3</td></tr></tbody></table>';
    expect(labelTables(html)).toContain('<td colspan="2">12</td><td data-label="В">3</td>');
  });
});
