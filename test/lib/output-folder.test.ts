import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { refusedOutput } from '../../src/lib/output-folder.ts';

/** A project with a content root inside it, as `npm run build` sees them. */
let project: string;
let content: string;
const refused = (out: string) => refusedOutput(out, { contentRoot: content, projectRoot: project });

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'nd-out-'));
  content = path.join(project, 'content');
  await mkdir(path.join(content, 'documents'), { recursive: true });
  await mkdir(path.join(project, 'src'));
  await writeFile(path.join(project, 'src/page.ts'), 'export {};\n');
  await mkdir(path.join(project, 'dist/pagefind'), { recursive: true });
  await writeFile(path.join(project, 'dist/registry.json'), '{}');
  await mkdir(path.join(project, 'sites/_nginx'), { recursive: true });
  await writeFile(path.join(project, 'sites/_nginx/sites.json'), '{}');
  await mkdir(path.join(project, 'empty'));
  await symlink(content, path.join(project, 'link-to-content'));
});

describe('the output folder a build may replace', () => {
  it.each([
    ['a new folder', 'public-site'],
    ['an empty folder', 'empty'],
    ['the previous site', 'dist'],
    ['the previous sites of --audiences', 'sites'],
  ])('%s', (_, rel) => {
    expect(refused(path.join(project, rel))).toBeUndefined();
  });

  it.each([
    ['the content root', 'content', /это папка содержимого/],
    ['the content root through a symbolic link', 'link-to-content', /это папка содержимого/],
    ['the project', '.', /содержит папку содержимого/],
    ['a folder inside the content root', 'content/site', /внутри папки содержимого/],
    ['a folder of sources', 'src', /не пуста и не похожа на собранный порталом сайт/],
    ['a file', 'src/page.ts', /это файл, а не папка/],
  ])('not %s', (_, rel, reason) => {
    expect(refused(path.join(project, rel))).toMatch(reason);
  });

  it('not the root folder, nor the home folder', () => {
    expect(refused('/')).toMatch(/корневая или домашняя/);
    expect(refused(homedir())).toMatch(/корневая или домашняя|содержит папку/);
  });
});
