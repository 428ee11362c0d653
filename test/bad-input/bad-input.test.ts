import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/validation/check.ts';
import { overlay } from '../helpers/content-root.ts';
import { runCheckCli } from '../helpers/build-site.ts';
import { MALFORMED, MINIMAL, ODDITIES, type BadInput } from './cases.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

/**
 * Every case also carries a second broken file, unrelated to the case: its finding proves that one bad
 * file never stops the others from being checked.
 */
const SENTINEL = { 'standards/sentinel.json': '{\n  "id": "sentinel",\n  "designation":\n}\n' };
const SENTINEL_FINDING = 'standards/sentinel.json:4:1  ошибка  ошибка синтаксиса JSON: ожидается значение  syntax/json';
const DATE = '2026-11-26';

async function rootWith(input: BadInput): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'nd-bad-'));
  await cp(MINIMAL, root, { recursive: true });
  await overlay(root, { ...SENTINEL, ...input.files });
  for (const dir of input.dirs ?? []) await mkdir(path.join(root, dir), { recursive: true });
  for (const [link, target] of Object.entries(input.links ?? {})) {
    await mkdir(path.dirname(path.join(root, link)), { recursive: true });
    await symlink(target, path.join(root, link));
  }
  return root;
}

/** The checker's findings as the CLI prints them, paths relative to the root. */
async function findings(root: string): Promise<{ lines: string[]; errors: number; ms: number }> {
  const started = performance.now();
  const result = await check({ root, buildDate: DATE, sites: internalSites(DATE) });
  const ms = performance.now() - started;
  const lines = result.messages.map(
    (m) => `${path.relative(root, path.resolve(m.file ?? ''))}:${m.line}:${m.column}  ${m.fatal ? 'ошибка' : 'предупреждение'}  ${m.reason}  ${m.ruleId}`,
  );
  return { lines, errors: result.errors, ms };
}

const STACK = /^\s+at |\bError:|TypeError|RangeError|ReferenceError|SyntaxError|undefined|\[object /m;

let plain: string[];
beforeAll(async () => {
  plain = (await findings(await rootWith({ name: 'plain', files: {} }))).lines;
});

describe('the minimal root', () => {
  it('has no finding but the sentinel', () => {
    expect(plain).toEqual([SENTINEL_FINDING]);
  });
});

describe('malformed input: a located Russian finding, no crash, the other files still checked', () => {
  it.each(MALFORMED.map((c) => [c.name, c] as const))('%s', async (_name, input) => {
    const { lines, errors, ms } = await findings(await rootWith(input));
    const [where, reason] = input.expect;
    const hit = lines.find((line) => line.startsWith(`${where}  ошибка  `) && reason.test(line));
    expect(hit, `ожидали ${where} ${reason}, получили:\n${lines.join('\n')}`).toBeDefined();
    const file = where.replace(/:\d+:\d+$/, '');
    if (input.alone)
      expect(
        lines.filter((line) => line.startsWith(`${file}:`)),
        'одна ошибка — одно сообщение',
      ).toEqual([hit]);
    expect(errors).toBeGreaterThan(1);
    expect(lines).toContain(SENTINEL_FINDING);
    for (const line of lines) {
      expect(line).toMatch(/^[^:]+:\d+:\d+  (ошибка|предупреждение)  \S.*  [a-z-]+\/[a-z-]+$/s);
      expect(line).not.toMatch(STACK);
      // Russian reasons: the words people read are Cyrillic, whatever identifiers they quote.
      expect(line).toMatch(/[а-яё]{3,}/);
    }
    expect(ms).toBeLessThan(10_000);
  });
});

describe('well-formed oddities: accepted, the same findings as the plain file', () => {
  it.each(ODDITIES.map((c) => [c.name, c] as const))('%s', async (_name, input) => {
    const { lines, ms } = await findings(await rootWith(input));
    expect(lines).toEqual(plain);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('through the CLI, as CI runs it', () => {
  const cli = MALFORMED.filter((c) =>
    ['YAML: незакрытая скобка', 'нулевой байт', 'файл больше 5 МБ', 'JSON: очень глубокая вложенность', 'папка с именем файла', 'импорт в MDX'].includes(
      c.name,
    ),
  );

  it.each(cli.map((c) => [c.name, c] as const))('%s: exit 1, located message, no stack trace', async (_name, input) => {
    const root = await rootWith(input);
    const result = await runCheckCli(['--root', root, '--date', DATE]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    // Paths are printed from the working directory, or absolute for a root outside it.
    const out = result.stdout.replaceAll(`${root}/`, '').replaceAll(`${path.relative(path.resolve(import.meta.dirname, '../..'), root)}/`, '');
    expect(out).toContain(`${input.expect[0]}  ошибка  `);
    expect(out).toContain(SENTINEL_FINDING);
    expect(out).not.toMatch(STACK);
    expect(out).toMatch(/✗ проверено файлов: \d+; ошибок: \d+/);
  });

  it('the plain root with BOM and CRLF passes except for the sentinel', async () => {
    const root = await rootWith(ODDITIES[2]!);
    const result = await runCheckCli(['--root', root, '--date', DATE, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).map((m: { ruleId: string }) => m.ruleId)).toEqual(['syntax/json']);
  });
});
