import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content-root.ts';
import { layerViolations, sourceFiles, specifiersOf, type SourceFile } from '../helpers/layers.ts';

/**
 * Imports go one way: schemas → lib → model → analysis → (validation, render) → publish → site →
 * (pages, components, layouts) → (integration, import, authoring, lsp, ack, serve, report).
 */
describe('the layers of src/', () => {
  it('no module imports from a later layer, and every folder of src/ is in a layer', () => {
    expect(layerViolations(sourceFiles(projectRoot))).toEqual([]);
  });
});

describe('the layer check', () => {
  const file = (path: string, text = ''): SourceFile => ({ path, text });

  it.each([
    ['a value import', "import { publish } from '../publish/publish.ts';"],
    ['a type import', "import type { SiteData } from '../publish/view-data.ts';"],
    ['a type-only specifier', "import { type SiteData } from '../publish/view-data.ts';"],
    ['a re-export', "export type { SiteData } from '../publish/view-data.ts';"],
    ['an import spread over lines', "import {\n  publish,\n  type SiteData,\n} from '../publish/publish.ts';"],
    ['a dynamic import', "const { publish } = await import('../publish/publish.ts');"],
    ['a type written as import()', "let view: import('../publish/view-data.ts').SiteData;"],
    ['a side-effect import', "import '../publish/publish.ts';"],
    ['a worker entry', "new Worker(new URL('../publish/publish.ts', import.meta.url));"],
  ])('finds %s from a lower layer to a higher one', (_, text) => {
    const found = layerViolations([file('src/model/x.ts', text)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^src\/model\/x\.ts → src\/publish\/(publish|view-data)\.ts \(model → publish\)/);
  });

  it('reads .mjs modules and the frontmatter and scripts of .astro files', () => {
    const astro =
      "---\nimport Page from '../pages/index.astro';\n---\n<p>import x from '../ack/app.ts'</p>\n<script>\nimport '../serve/headers.ts';\n</script>";
    expect(layerViolations([file('src/components/A.astro', astro), file('src/lib/b.mjs', "export { x } from '../site/view.ts';")])).toEqual([
      expect.stringMatching(
        /^src\/components\/A\.astro → src\/serve\/headers\.ts \(pages\|components\|layouts\|styles\|content\.config\.ts\|env\.d\.ts → integration\|/,
      ),
      expect.stringMatching(/^src\/lib\/b\.mjs → src\/site\/view\.ts \(lib → site\)/),
    ]);
  });

  it('allows imports downwards, within a layer and between peers, and of packages', () => {
    const files = [
      file('src/publish/a.ts', "import { x } from '../analysis/parse.ts';\nimport { y } from './b.ts';\nimport { z } from 'unified';"),
      file('src/render/a.ts', "import type { Rule } from '../validation/rule.ts';"),
      file('src/lsp/a.ts', "import { check } from '../validation/check.ts';\nimport { app } from '../ack/app.ts';"),
      file('src/model/a.ts', "// import { publish } from '../publish/publish.ts';\nconst text = \"import x from '../site/view.ts'\";"),
    ];
    expect(layerViolations(files)).toEqual([]);
  });

  it('fails on a folder that is in no layer, and on an import into one', () => {
    const files = [file('src/extras/a.ts'), file('src/model/b.ts', "import { a } from '../extras/a.ts';")];
    expect(layerViolations(files)).toEqual([
      expect.stringMatching(/^src\/extras: не отнесено ни к одному слою/),
      expect.stringMatching(/^src\/model\/b\.ts → src\/extras\/a\.ts \(model → нет слоя\)/),
    ]);
  });

  it('does not take commented-out or quoted imports for imports', () => {
    expect(specifiersOf('src/a.ts', "/* import a from './a.ts'; */\nconst s = 'import b from \"./b.ts\"';")).toEqual([]);
  });
});
