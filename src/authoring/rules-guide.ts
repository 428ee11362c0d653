import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { RULES } from '../validation/rules/index.ts';
import { ruleAnchor } from '../validation/reporters/index.ts';

/** One rule as the guide shows it. */
export interface RuleInfo {
  id: string;
  severity: 'error' | 'warning';
  description: string;
}

/** Every rule the checker has, from its one list (src/validation/rules/index.ts). */
export function ruleCatalog(): RuleInfo[] {
  return RULES.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description }));
}

export const START = '<!-- Правила: раздел создаёт npm run docs:rules из test/fixtures/rules; не правьте вручную. -->';
export const END = '<!-- /Правила -->';

/** A wrong line from a failing fixture, the checker's message on it, and the right lines from the passing one. */
interface Example {
  file: string;
  line: number;
  message: string;
  wrong: string;
  right: string[];
  /** The line is right as written; the fixture changed what it refers to. */
  elsewhere: boolean;
  /** How to highlight the lines: properties are YAML, the text is MDX. */
  lang: 'json' | 'yaml' | 'mdx';
}

const CONTENT_ROOT = path.resolve(import.meta.dirname, '../../content');
const fixtureDir = (fixtures: string, id: string) => path.join(fixtures, id.replace('/', '-'));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n');
const clip = (line: string) => (line.length > 160 ? `${line.slice(0, 157)}…` : line);

/** The passing file a failing one corrects: same path, or the same kind of file in the passing tree. */
function passingTwin(dir: string, rel: string): string | undefined {
  const same = path.join(dir, 'pass', rel);
  if (existsSync(same)) return same;
  const tail = rel.split('/').slice(2).join('/');
  const candidates = readdirSync(path.join(dir, 'pass'), { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, 'pass', f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
  const twin = candidates.find((f) => f.split('/').slice(2).join('/') === tail);
  return twin ? path.join(dir, 'pass', twin) : undefined;
}

function examples(dir: string): Example[] {
  const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8').trim().split('\n');
  return expected.map((entry) => {
    const [where = '', , message = ''] = entry.split('  ');
    const [file = '', line = '1'] = where.split(':');
    const n = Number(line);
    // The finding may sit in a content file the fixture does not change (a quality standard citing a
    // principle the fixture's new policy edition drops): the line is shown from the content root.
    const inFixture = existsSync(path.join(dir, 'fail', file));
    const failing = inFixture ? path.join(dir, 'fail', file) : path.join(CONTENT_ROOT, file);
    const twin = inFixture ? passingTwin(dir, file) : undefined;
    let right: string[] = [];
    if (twin) {
      const patch = structuredPatch('pass', 'fail', readFileSync(twin, 'utf8'), readFileSync(failing, 'utf8'), '', '', { context: 0 });
      const hunk = patch.hunks.find((h) => n >= h.newStart && n < h.newStart + Math.max(h.newLines, 1));
      right = hunk ? hunk.lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1)) : [lines(twin)[n - 1] ?? ''];
    }
    const text = lines(failing);
    const frontmatterEnd = file.endsWith('.mdx') && text[0] === '---' ? text.indexOf('---', 1) + 1 : 0;
    return {
      file,
      line: n,
      message,
      wrong: text[n - 1] ?? '',
      right,
      elsewhere: !inFixture,
      lang: file.endsWith('.json') ? 'json' : n <= frontmatterEnd ? 'yaml' : 'mdx',
    };
  });
}

const fence = (text: string[], lang: string) => ['```' + lang, ...text.map(clip), '```'];

/** The «Правила проверки» section: every rule, and for each rule with fixtures a wrong and a right example. */
export function rulesSection(fixtures: string): string {
  const out = [START, ''];
  for (const rule of ruleCatalog()) {
    out.push(
      `<a id="${ruleAnchor(rule.id)}"></a>`,
      '',
      `#### \`${rule.id}\` — ${rule.severity === 'error' ? 'ошибка' : 'предупреждение'}`,
      '',
      `Проверяет, что ${rule.description}.`,
      '',
    );
    const dir = fixtureDir(fixtures, rule.id);
    if (!existsSync(path.join(dir, 'expected.txt'))) continue;
    for (const example of examples(dir)) {
      const { lang } = example;
      out.push(`Неверно (\`${example.file}\`, строка ${example.line}):`, '', ...fence([example.wrong], lang), '', `Проверка: «${example.message}»`, '');
      out.push(
        example.elsewhere
          ? 'Верно: строка сама по себе правильна, изменилось то, на что она ссылается, — приведите её в соответствие.'
          : example.right.length
            ? 'Верно:'
            : 'Верно: строки нет — удалите её.',
        '',
      );
      if (example.right.length) out.push(...fence(example.right, lang), '');
    }
  }
  out.push(END);
  return out.join('\n');
}

/** The guide with its rules section replaced by a fresh one. */
export function withRulesSection(guide: string, section: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`в CONTRIBUTING.md нет меток раздела правил: ${START} … ${END}`);
  return guide.slice(0, start) + section + guide.slice(end + END.length);
}
