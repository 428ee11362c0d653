import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { analyseMdx } from '../../src/analysis/parse.ts';

const problems = (body: string) => analyseMdx(new VFile({ path: 'documents/pr-001/editions/1.0.mdx', value: `---\ncode: ПР-001\n---\n\n${body}` })).problems;

describe('MDX syntax errors in the author’s words', () => {
  it.each([
    ['a heading anchor as other Markdown dialects write it', '## Раздел {#razdel}\n', /якорь заголовка «\{#…}» не нужен/],
    ['«<» before a digit in text', 'Срок <5 дней.\n', /символ «<» начинает тег: в тексте пишите его как «&lt;»/],
    ['tags closed in the wrong order', '<Note>Текст <Role id="auditor"></Note></Role>\n', /закрывающий тег <\/Note> стоит там, где ждали <\/Role>/],
    ['a closing tag with no opening one', 'Текст </Note> дальше.\n', /закрывающий тег без открывающего/],
    ['an attribute without quotes', '<Note kind=warning>Текст</Note>\n', /атрибуты как имя="значение"/],
    ['a tag cut off at the end of the file', 'Текст <Note\n', /тег записан с ошибкой/],
    ['a line that starts with «import»', 'import of goods is regulated.\n', /строка начинается со слова import или export/],
    ['an unclosed brace', 'Текст {не закрыт\n', /незакрытая фигурная скобка/],
  ])('%s: one located Russian message, none of the parser’s English', (_name, body, message) => {
    const found = problems(body);
    expect(found).toHaveLength(1);
    expect(found[0]!.reason).toMatch(message);
    expect(found[0]!.reason).not.toMatch(/Unexpected|Could not|expected|acorn/);
    // On the body's line (the fifth of the file), not at 1:1.
    expect(found[0]!.place?.line ?? 0).toBeGreaterThanOrEqual(5);
  });
});
