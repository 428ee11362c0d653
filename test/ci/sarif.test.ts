import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { report, ruleHelpUri } from '../../src/validation/reporters/index.ts';
import { runCheckCli } from '../helpers/build-site.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';

/** SARIF is read by code-scanning services that validate it: the 2.1.0 schema with format checks on. */
const schema = JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
const validate = (log: unknown) => {
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  ajv.validate(schema, log);
  return ajv.errors ?? [];
};
const EDITION = 'documents/pt-035/editions/1.0.mdx';
let broken: string;

beforeAll(async () => {
  const text = readFileSync(path.join(projectRoot, 'content', EDITION), 'utf8');
  broken = await contentRoot({ [EDITION]: text.replace('Приложении 3.', 'Приложении 4.') });
});

describe('--format sarif', () => {
  it('validates against SARIF 2.1.0 with formats checked; help addresses are absolute', async () => {
    const run = await runCheckCli(['--root', broken, '--format', 'sarif']);
    const log = JSON.parse(run.stdout);
    expect(validate(log)).toEqual([]);
    const config = JSON.parse(readFileSync(path.join(projectRoot, 'nd.config.json'), 'utf8'));
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toBe(new URL(config.repository.url).href);
    const rule = driver.rules.find((r: { id: string }) => r.id === 'ref/unknown-appendix');
    expect(rule.helpUri).toBe(`${config.repository.url}/${config.repository.blobPath}/${config.repository.branch}/CONTRIBUTING.md#rule-ref-unknown-appendix`);
    expect(rule.help.text).toContain(rule.helpUri);
    for (const r of driver.rules) expect(() => new URL(r.helpUri)).not.toThrow();
  });

  it('follows nd.config.json: a GitHub repository gets GitHub addresses', async () => {
    const run = await runCheckCli(['--root', broken, '--format', 'sarif'], { ND_REPO_URL: 'https://github.com/example/nd' });
    const rule = JSON.parse(run.stdout).runs[0].tool.driver.rules[0];
    expect(rule.helpUri).toMatch(/^https:\/\/github\.com\/example\/nd\/-\/blob\/main\/CONTRIBUTING\.md#rule-syntax-file$/);
  });

  it('encodes Cyrillic and absolute file paths as valid URIs', () => {
    const messages = [
      new VFile({ path: 'content/документы/1.0.mdx' }).message('x', { place: { line: 1, column: 1 }, ruleId: 'schema/invalid' }),
      new VFile({ path: '/tmp/nd/1.0.mdx' }).message('y', { ruleId: 'schema/invalid' }),
    ];
    const log = JSON.parse(report('sarif', messages, { files: 2 }, { repository: { url: 'https://git.example.ru/q/nd', branch: 'main', blobPath: '-/blob' } }));
    expect(validate(log)).toEqual([]);
    expect(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
      'content/%D0%B4%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82%D1%8B/1.0.mdx',
      'file:///tmp/nd/1.0.mdx',
    ]);
  });

  it('stays valid without options (no help address rather than a relative one)', () => {
    const log = JSON.parse(report('sarif', [], { files: 0 }));
    expect(validate(log)).toEqual([]);
    expect(log.runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
  });

  it('builds help addresses for a branch with a slash', () => {
    expect(ruleHelpUri('ref/unknown-code', { url: 'https://github.com/o/r/', branch: 'release/1', blobPath: 'blob' })).toBe(
      'https://github.com/o/r/blob/release/1/CONTRIBUTING.md#rule-ref-unknown-code',
    );
  });
});

describe('--format text', () => {
  it('is the human format under another name', async () => {
    const [text, human] = await Promise.all([runCheckCli(['--root', broken, '--format', 'text']), runCheckCli(['--root', broken, '--format', 'human'])]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe(human.stdout);
  });

  it('an unknown format names every accepted one', async () => {
    const run = await runCheckCli(['--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Неизвестный формат «xml»; допустимые: human, json, sarif, gitlab, github, text');
  });
});
