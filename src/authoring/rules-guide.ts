import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { RULES } from '../validation/rules/index.ts';
import { ruleAnchor } from '../validation/reporters/index.ts';
import { BASES_DIR, ruleUnit, type RuleUnit } from '../validation/rule-units.ts';

/** One rule as the guide shows it. */
export interface RuleInfo {
  id: string;
  severity: 'error' | 'warning';
  description: string;
  foundIn?: readonly string[];
}

/** Every rule the checker has, from its one list (src/validation/rules/index.ts). */
export function ruleCatalog(): RuleInfo[] {
  return RULES.map((rule) => ({ id: rule.id, severity: rule.severity, description: rule.description, foundIn: rule.foundIn }));
}

export const START = '<!-- Правила: раздел создаёт npm run docs:rules из src/validation/rules; не правьте вручную. -->';
export const END = '<!-- /Правила -->';

/** A wrong line from a failing fixture, the checker's message on it, and the right lines from the passing one. */
interface Example {
  file: string;
  line: number;
  message: string;
  /** Undefined when the failing file is not UTF-8 text (syntax/file): its lines cannot be shown. */
  wrong: string | undefined;
  right: string[];
  /** The line is right as written; the fixture changed what it refers to (another file, or other lines of this one). */
  elsewhere: boolean;
  /** The passing content has no such file at all. */
  noFile: boolean;
  /** How to highlight the lines: properties are YAML, the text is MDX. */
  lang: 'json' | 'yaml' | 'mdx';
}

const CONTENT_ROOT = path.resolve(import.meta.dirname, '../../content');
const clip = (line: string) => (line.length > 160 ? `${line.slice(0, 157)}…` : line);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function textOf(file: string): string | undefined {
  try {
    return utf8.decode(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** The file at `rel` as a unit's overlay sees it: the overlay's own, else its base's, else the real content's. */
function layered(unit: RuleUnit, overlay: string | undefined, rel: string): { file: string; own: boolean } | undefined {
  if (overlay && existsSync(path.join(overlay, rel))) return { file: path.join(overlay, rel), own: true };
  const under = [...(unit.fixture.base ? [path.join(BASES_DIR, unit.fixture.base)] : []), CONTENT_ROOT];
  const top = rel.split('/')[0] ?? '';
  const inContent = !unit.fixture.content || (unit.fixture.content as readonly string[]).includes(top);
  const found = under.find((dir) => (dir !== CONTENT_ROOT || inContent) && existsSync(path.join(dir, rel)));
  return found ? { file: path.join(found, rel), own: false } : undefined;
}

/** The passing file a failing one corrects: the same path, or the same kind of file in the passing overlay. */
function passingTwin(unit: RuleUnit, rel: string): string | undefined {
  const same = layered(unit, unit.pass, rel);
  if (same || !unit.pass) return same?.file;
  const pass = unit.pass;
  const tail = rel.split('/').slice(2).join('/');
  const twin = readdirSync(pass, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(pass, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .find((f) => f.split('/').slice(2).join('/') === tail);
  return twin ? path.join(pass, twin) : undefined;
}

/** The lines a failing file's line `n` replaced in its passing twin; undefined when the line is unchanged (what changed is elsewhere). */
function rightLines(twin: string, failing: string, n: number): string[] | undefined {
  const before = textOf(twin) ?? '';
  const patch = structuredPatch('pass', 'fail', before, textOf(failing) ?? readFileSync(failing, 'latin1'), '', '', { context: 0 });
  const hunk = patch.hunks.find((h) => n >= h.newStart && n < h.newStart + Math.max(h.newLines, 1));
  return hunk?.lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1));
}

function example(unit: RuleUnit, entry: string): Example {
  const [where = '', , message = ''] = entry.split('  ');
  const [file = '', line = '1'] = where.split(':');
  const n = Number(line);
  // The finding may sit in a content file the fixture does not change (a quality standard citing a
  // principle the fixture's new policy edition drops): the line is shown from the base or the content root.
  const failing = layered(unit, unit.fail, file);
  if (!failing) throw new Error(`${unit.dir}/expected.txt: файла ${file} нет ни в fail/, ни под ним`);
  const twin = failing.own ? passingTwin(unit, file) : undefined;
  const right = twin ? rightLines(twin, failing.file, n) : [];
  const text = textOf(failing.file)?.split('\n');
  const frontmatterEnd = file.endsWith('.mdx') && text?.[0] === '---' ? text.indexOf('---', 1) + 1 : 0;
  return {
    file,
    line: n,
    message,
    wrong: text ? (text[n - 1] ?? '') : undefined,
    right: right ?? [],
    elsewhere: !failing.own || !right,
    noFile: failing.own && !twin,
    lang: file.endsWith('.json') ? 'json' : n <= frontmatterEnd ? 'yaml' : 'mdx',
  };
}

const fence = (text: string[], lang: string) => ['```' + lang, ...text.map(clip), '```'];

function exampleLines(ex: Example): string[] {
  const out =
    ex.wrong === undefined
      ? [`Неверно (\`${ex.file}\`, строка ${ex.line}): файл не в UTF-8, его строки здесь не показать.`, '']
      : [`Неверно (\`${ex.file}\`, строка ${ex.line}):`, '', ...fence([ex.wrong], ex.lang), ''];
  out.push(`Проверка: «${ex.message}»`, '');
  if (ex.elsewhere) out.push('Верно: строка сама по себе правильна, изменилось то, на что она ссылается, — приведите её в соответствие.', '');
  else if (ex.noFile) out.push('Верно: в исправленном содержимом такого файла нет.', '');
  else if (!ex.right.length) out.push('Верно: строки нет — удалите её.', '');
  else out.push('Верно:', '', ...fence(ex.right, ex.lang), '');
  return out;
}

/** The «Правила проверки» section: every rule, and for each a wrong and a right example from its unit's fixtures. */
export function rulesSection(): string {
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
    if (rule.foundIn) out.push(`Находит загрузчик при чтении файлов: ${rule.foundIn.map((place) => `\`${place}\``).join(', ')}.`, '');
    const unit = ruleUnit(rule.id);
    for (const entry of unit.expected) out.push(...exampleLines(example(unit, entry)));
  }
  out.push(END);
  return out.join('\n');
}

const SEVERITY = { error: 'ошибка', warning: 'предупреждение' } as const;

export const TABLE_START = '<!-- Таблица правил: её создаёт npm run docs:rules из src/validation/rules; не правьте вручную. -->';
export const TABLE_END = '<!-- /Таблица правил -->';

/** The README's table of rules: id, default severity, what it guards. */
export function rulesTable(): string {
  const rows = ruleCatalog().map((rule) => `| \`${rule.id}\` | ${SEVERITY[rule.severity]} | ${rule.description.replaceAll('|', '\\|')} |`);
  return [TABLE_START, '', '| правило | важность | что проверяет |', '|---|---|---|', ...rows, '', TABLE_END].join('\n');
}

/** `text` with the part from `start` to `end` (markers included) replaced by `section`, which carries its own markers. */
export function withSection(text: string, section: string, start: string, end: string, name: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`в ${name} нет меток раздела: ${start} … ${end}`);
  return text.slice(0, from) + section + text.slice(to + end.length);
}

/** The files `npm run docs:rules` writes, each with its generated part fresh from the rule units. */
export function rulesDocs(projectRoot: string): Array<{ file: string; committed: string; fresh: string }> {
  const parts = [
    { name: 'CONTRIBUTING.md', section: rulesSection(), start: START, end: END },
    { name: 'README.md', section: rulesTable(), start: TABLE_START, end: TABLE_END },
  ];
  return parts.map(({ name, section, start, end }) => {
    const file = path.join(projectRoot, name);
    const committed = readFileSync(file, 'utf8');
    return { file, committed, fresh: withSection(committed, section, start, end, name) };
  });
}
