import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/analysis/parse.ts';

const FRONTMATTER = '---\ncode: ПР-001\n---\n\n';

/** `line:column reason` of every containment finding in an MDX body (after a 4-line frontmatter). */
function findings(body: string): string[] {
  const file = new VFile({ path: 'x.mdx', value: FRONTMATTER + body });
  const parsed = parseMdx(file);
  expect(parsed.problems).toEqual([]);
  const where = location(file);
  return parsed.extracted!.containment.map(({ offset, reason }) => {
    const point = where.toPoint(offset);
    return `${(point?.line ?? 0) - 4}:${point?.column} ${reason}`;
  });
}

describe('mdx/forbidden-code: what content may contain', () => {
  it.each([
    ['an allowlisted import', 'import { Role, Term } from "@nd/content"\n\nТекст.'],
    ['an allowlisted import over several lines', 'import {\n  Role,\n  RolesTable\n} from "@nd/content";\n\nТекст.'],
    ['an MDX comment', 'Текст {/* примечание автора */} дальше.'],
    ['allowlisted components and elements', '<Role id="auditor">аудиторы</Role> и <span>текст</span> <a href="https://example.ru/">ссылка</a>'],
    ['an ordinary title attribute', '<abbr title="Система менеджмента качества">СМК</abbr>'],
  ])('accepts %s', (_name, body) => {
    expect(findings(body)).toEqual([]);
  });
});

describe('mdx/forbidden-code: what it refuses, where and why', () => {
  it.each([
    ['an import from node:fs', 'import fs from "node:fs";', /^1:1 «import fs from "node:fs";»: импорт запрещён/],
    [
      'a second statement in the same block',
      'import { Role } from "@nd/content";\nimport cp from "node:child_process";',
      /^2:1 «import cp from "node:child_process";»: импорт запрещён/,
    ],
    ['a renamed allowlisted import', 'import { Role as R } from "@nd/content"', /^1:1 «import \{ Role as R \} from "@nd\/content"»: импорт запрещён/],
    ['a default import from the content module', 'import Content from "@nd/content"', /импорт запрещён/],
    ['an unknown name from the content module', 'import { Secret } from "@nd/content"', /импорт запрещён/],
    ['an export', 'export const x = 1', /^1:1 «export const x = 1»: экспорт из MDX выполняется при сборке и запрещён/],
    ['process', 'Текст {process.exit(3)}.', /^1:7 выражение «\{process\.exit\(3\)\}» обращается к «process»/],
    ['require', 'Текст {require("node:fs")}.', /обращается к «require»/],
    ['import()', 'Текст {import("node:fs")}.', /обращается к «import\(\)»/],
    ['import.meta', 'Текст {import.meta.url}.', /обращается к «import\.meta»/],
    ['globalThis', '{globalThis["pro" + "cess"]}', /обращается к «globalThis»/],
    ['any other expression', 'Итого {1 + 1}.', /^1:7 выражение «\{1 \+ 1\}» выполняется при сборке и в содержимом запрещено; .*\\\{/],
    ['an expression attribute', '<Role id={"auditor"}>аудиторы</Role>', /^1:\d+ выражение «\{"auditor"\}»/],
    ['a spread attribute', '<span {...props}>x</span>', /выражение «\{\.\.\.props\}»/],
    ['<script>', '<script>alert(1)</script>', /^1:1 элемент <script> запрещён в содержимом/],
    ['<iframe>', '<iframe src="https://example.ru/" />', /элемент <iframe> запрещён/],
    ['<style>', '<style>body {}</style>', /элемент <style> запрещён/],
    ['<object>', '<object data="x.swf" />', /элемент <object> запрещён/],
    ['an unknown component', '<Secret />', /компонент <Secret> не входит в список компонентов содержимого; допустимы: Role/],
    [
      'a mistyped component',
      'Аудит ведёт <Rolle id="auditor">аудитор</Rolle>.',
      /компонент <Rolle> не входит в список компонентов содержимого: возможно, <Role>; допустимы:/,
    ],
    ['a member component', '<Role.Inner />', /<Role\.Inner>/],
    ['an event handler', '<span onClick="steal()">x</span>', /^1:\d+ атрибут «onClick» у <span> — обработчик событий/],
    ['a style attribute', '<span style="display:none">x</span>', /атрибут «style» у <span> запрещён/],
    ['a set:html directive', '<div set:html="<b>x</b>" />', /директива «set:html» у <div> запрещена/],
    ['a javascript: URL', '<a href="javascript:alert(1)">x</a>', /адрес «javascript:alert\(1\)» в атрибуте «href» у <a> выполнил бы код/],
    ['a javascript: URL hidden by a tab entity', '<a href="java&#x09;script:alert(1)">x</a>', /адрес «javascript:alert\(1\)»/],
    ['a data: URL', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /адрес «data:text\/html/],
  ])('refuses %s', (_name, body, expected) => {
    const found = findings(body);
    expect(
      found.some((line) => expected.test(line)),
      found.join('\n'),
    ).toBe(true);
  });

  it('reports every finding of a file, in order', () => {
    expect(findings('import fs from "node:fs"\n\nТекст {process.exit(1)} и <script>x</script>.').map((line) => line.split(' ')[0])).toEqual([
      '1:1',
      '3:7',
      '3:27',
    ]);
  });
});
