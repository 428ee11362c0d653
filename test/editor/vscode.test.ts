import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS } from '../../src/model/file-kinds.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** The committed editor settings map every kind of JSON record to the schema the checker uses for it. */
const settings = parse(readFileSync(path.join(projectRoot, '.vscode/settings.json'), 'utf8')) as {
  'json.schemas': Array<{ fileMatch: string[]; url: string }>;
};
const globRe = (glob: string) => new RegExp(`${glob.replace(/[.+^$()|{}]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
const schemaFor = (rel: string) => settings['json.schemas'].find((s) => s.fileMatch.some((g) => globRe(g).test(`/${rel}`)))?.url;

describe('.vscode/settings.json', () => {
  const records = readdirSync(path.join(projectRoot, 'content'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => `content/${f.split(path.sep).join('/')}`);

  it.each(records)('%s gets the schema it names in $schema', (rel) => {
    const named = JSON.parse(readFileSync(path.join(projectRoot, rel), 'utf8')).$schema as string;
    expect(schemaFor(rel)).toBe(`./${path.relative(projectRoot, path.resolve(projectRoot, path.dirname(rel), named))}`);
  });

  it('covers every JSON kind the checker knows, with schema files that exist', () => {
    for (const kind of FILE_KINDS.filter((k) => k.schema))
      expect(
        settings['json.schemas'].some((s) => s.url === `./schemas/${kind.schema}`),
        kind.kind,
      ).toBe(true);
    for (const { url } of settings['json.schemas']) expect(existsSync(path.join(projectRoot, url)), url).toBe(true);
  });

  it('recommends the MDX and YAML extensions', () => {
    const { recommendations } = parse(readFileSync(path.join(projectRoot, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(recommendations).toEqual(expect.arrayContaining(['unifiedjs.vscode-mdx', 'redhat.vscode-yaml']));
  });

  it('the check task matches the checker’s human lines', () => {
    const tasks = parse(readFileSync(path.join(projectRoot, '.vscode/tasks.json'), 'utf8')) as {
      tasks: Array<{ problemMatcher: Array<{ pattern: { regexp: string } }> }>;
    };
    const [error, warning] = tasks.tasks[0]!.problemMatcher.map((m) => new RegExp(m.pattern.regexp));
    expect('content/documents/pt-035/editions/1.0.mdx:6:11  ошибка  свойство «approved»: поле не заполнено: дата  schema/invalid').toMatch(error!);
    expect('content/x.mdx:1:2  предупреждение  ISO 9001:2008 — отменённое издание  ref/withdrawn-standard').toMatch(warning!);
  });
});
