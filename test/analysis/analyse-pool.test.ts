import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyserVersion } from '../../src/analysis/analyse-pool.ts';
import { importSpecifiers, moduleGraph } from '../../src/lib/module-graph.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** A copy of the sources the key is computed from, to edit without touching the project. */
async function sourceCopy(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'nd-key-'));
  await cp(path.join(projectRoot, 'src'), path.join(root, 'src'), { recursive: true });
  await cp(path.join(projectRoot, 'package-lock.json'), path.join(root, 'package-lock.json'));
  return root;
}

describe('the analysis cache key', () => {
  it('follows the analyser imports, including analysis/nesting.ts', () => {
    const files = moduleGraph([path.join(projectRoot, 'src/analysis/analyse-worker.ts')]).map((f) => path.relative(projectRoot, f));
    expect(files).toContain('src/analysis/parse.ts');
    expect(files).toContain('src/analysis/nesting.ts');
    expect(files).toContain('src/analysis/extract.ts');
    expect(files).toContain('src/lib/codes.ts');
    // The containment findings are stored in the analysis: a change to what content may contain re-analyses.
    expect(files).toContain('src/analysis/containment.ts');
    expect(files).toContain('src/analysis/allowlist.ts');
  });

  it('changes when a file imported only transitively by the analyser changes', async () => {
    const root = await sourceCopy();
    const before = analyserVersion(root);
    expect(before).toMatch(/^[0-9a-f]{40}$/);
    expect(analyserVersion(root)).toBe(before);
    const nesting = path.join(root, 'src/analysis/nesting.ts');
    await writeFile(nesting, `${await readFile(nesting, 'utf8')}\n// changed\n`);
    expect(analyserVersion(root)).not.toBe(before);
  });

  it('does not change when an unrelated module changes', async () => {
    const root = await sourceCopy();
    const before = analyserVersion(root);
    await writeFile(path.join(root, 'src/lib/routes.ts'), '// changed\n');
    expect(analyserVersion(root)).toBe(before);
  });

  it('reads every form of static import', () => {
    const source =
      "import a from './a.ts';\nimport { b,\n  c } from \"./b.ts\";\nimport type { D } from './d.ts';\nexport * from './e.ts';\nimport './f.ts';\n// import nope from './g.ts';\nconst h = await import('./h.ts');";
    expect(importSpecifiers(source)).toEqual(['./a.ts', './b.ts', './d.ts', './e.ts', './f.ts', './h.ts']);
  });
});
