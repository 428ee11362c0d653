import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/validation/rules/index.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';
import { runCheckCli } from '../helpers/build-site.ts';

const EDITION = 'documents/pt-035/editions/1.0.mdx';
let broken: string;
let warningsOnly: string;

beforeAll(async () => {
  const text = readFileSync(path.join(projectRoot, 'content', EDITION), 'utf8');
  broken = await contentRoot({
    [EDITION]: text.replace('Приложении 3.', 'Приложении 4.').replace('**Стратегия компании - 3D**', '**Стратегия компании - 3D** (ПT-035)'),
  });
  warningsOnly = await contentRoot({ [EDITION]: `${text}\nСм. также ISO 9001:2008.\n` });
});

const noStack = (output: string) => expect(output).not.toMatch(/\n\s+at |Error:/);

describe('npm run check', () => {
  it('exits 0 on the real content', async () => {
    const run = await runCheckCli(['--date', '2026-11-26']);
    expect(run.stdout).toContain('ошибок нет');
    expect(run.code).toBe(0);
  });

  it('exits 1 and lists every error, sorted, in path:line:column form', async () => {
    const run = await runCheckCli(['--root', broken]);
    expect(run.code).toBe(1);
    noStack(run.stdout + run.stderr);
    const lines = run.stdout.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => l.replace(`${broken}/`, ''))).toEqual([
      expect.stringMatching(
        /^documents\/pt-035\/editions\/1\.0\.mdx:\d+:\d+  ошибка  код «ПT-035» набран с латинскими буквами \(T\): напишите ПТ-035 кириллицей  ref\/latin-code$/,
      ),
      expect.stringMatching(
        /^documents\/pt-035\/editions\/1\.0\.mdx:\d+:\d+  ошибка  у документа ПТ-035 нет приложения 4 \(приложения: 1, 2, 3\); .*  ref\/unknown-appendix$/,
      ),
    ]);
    expect(lines.at(-1)).toMatch(/ошибок: 2, предупреждений: 0/);
  });

  it('exits 0 with warnings, and 1 when they exceed --max-warnings', async () => {
    expect((await runCheckCli(['--root', warningsOnly, '--date', '2026-11-26'])).code).toBe(0);
    const strict = await runCheckCli(['--root', warningsOnly, '--max-warnings', '0', '--date', '2026-11-26']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('предупреждений 1 при пределе --max-warnings 0');
  });

  it('exits 2 on bad usage, without a stack trace', async () => {
    const run = await runCheckCli(['--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Неизвестный формат «xml»');
    noStack(run.stderr);
  });

  it.each([
    [
      'a folder that does not exist',
      () => path.join(tmpdir(), 'nd-no-such-root'),
      /^✗ папка содержимого «.*nd-no-such-root» не найдена: укажите папку содержимого в --root/,
    ],
    ['a file', () => path.join(projectRoot, 'package.json'), /^✗ «.*package\.json» — файл, а не папка содержимого/],
    [
      'an empty folder',
      () => mkdtempSync(path.join(tmpdir(), 'nd-empty-root-')),
      /^✗ в папке содержимого «.*nd-empty-root-.*» нет ни одного файла: проверьте путь/,
    ],
  ])('a content root that is %s: exit 2 and the reason, not a green check of nothing', async (_, root, reason) => {
    const run = await runCheckCli(['--root', root()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    noStack(run.stderr);
  });

  it('an audience the access-level registry lacks: exit 2, as the build stops on it, not a green check', async () => {
    const run = await runCheckCli([], { ND_AUDIENCE: 'everyone' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^✗ уровень доступа «everyone», до которого публикует сборка .* не найден в registries\/access-levels\.json; известные: public, /,
    );
  });

  it('a wrong --date is named as --date, not as a property of nd.config.json', async () => {
    const run = await runCheckCli(['--date', '2026-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^✗ --date: ожидается существующая дата/);
  });

  it('honours severities from the config file', async () => {
    const config = (rules: Record<string, string>) => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'nd-config-')), 'nd.config.json');
      writeFileSync(file, JSON.stringify({ repository: { url: 'https://git.example.ru/x' }, rules }));
      return { ND_CONFIG: file };
    };
    const asWarning = await runCheckCli(['--root', warningsOnly, '--format', 'json']);
    expect(JSON.parse(asWarning.stdout)).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'ref/withdrawn-standard' })]);
    const asError = await runCheckCli(['--root', warningsOnly, '--format', 'json'], config({ 'ref/withdrawn-standard': 'error' }));
    expect(JSON.parse(asError.stdout)).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'ref/withdrawn-standard' })]);
    expect(asError.code).toBe(1);
    const off = await runCheckCli(['--root', warningsOnly, '--format', 'json'], config({ 'ref/withdrawn-standard': 'off' }));
    expect(JSON.parse(off.stdout)).toEqual([]);
  });
});

describe('machine formats', () => {
  it('json: one object per finding', async () => {
    const run = await runCheckCli(['--root', broken, '--format', 'json']);
    const findings = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(findings).toHaveLength(2);
    expect(findings[0]).toEqual({
      file: `${broken}/${EDITION}`,
      line: expect.any(Number),
      column: expect.any(Number),
      severity: 'error',
      message: expect.stringContaining('ПT-035'),
      ruleId: 'ref/latin-code',
    });
  });

  it('sarif: valid SARIF 2.1.0', async () => {
    const run = await runCheckCli(['--root', broken, '--format', 'sarif']);
    const log = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const valid = ajv.validate(schema, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0].results).toHaveLength(2);
    expect(log.runs[0].results[1]).toMatchObject({
      ruleId: 'ref/unknown-appendix',
      level: 'error',
      locations: [{ physicalLocation: { region: { startLine: expect.any(Number) } } }],
    });
    // Rule metadata is the one list of rules; indexes point into it; help links are absolute.
    const rules = log.runs[0].tool.driver.rules as Array<{ id: string; helpUri: string }>;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const result of log.runs[0].results) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    for (const rule of rules) expect(new URL(rule.helpUri).protocol).toBe('https:');
  });

  it('gitlab: Code Quality report', async () => {
    const run = await runCheckCli(['--root', broken, '--format', 'gitlab']);
    const report = JSON.parse(run.stdout) as Array<Record<string, any>>;
    expect(report).toHaveLength(2);
    for (const issue of report) {
      expect(issue).toEqual({
        description: expect.any(String),
        check_name: expect.stringMatching(/^ref\//),
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        severity: 'major',
        location: { path: expect.stringContaining(EDITION), lines: { begin: expect.any(Number) } },
      });
    }
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(2);
  });

  it('github: workflow annotations', async () => {
    const run = await runCheckCli(['--root', warningsOnly, '--format', 'github']);
    expect(run.stdout.trim()).toMatch(
      /^::warning file=[^,]+1\.0\.mdx,line=\d+,col=\d+,title=ref\/withdrawn-standard::ISO 9001%3A2008|^::warning file=[^,]+1\.0\.mdx,line=\d+,col=\d+,title=ref\/withdrawn-standard::ISO 9001:2008/,
    );
  });
});
