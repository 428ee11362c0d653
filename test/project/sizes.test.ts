import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/content-root.ts';

/**
 * Size limits of issue 21: no function in `src/` over 80 lines, no module over 300. A function is anything with a
 * body that the TypeScript compiler calls function-like (declarations, expressions, arrows, methods, accessors,
 * constructors), measured from its first token to its last, its doc comment aside; a nested function counts inside
 * its parent and again on its own. A module is a whole file, counted like `wc -l`. In an `.astro` file the
 * frontmatter and every `<script>` are parsed, with line numbers of the `.astro` file.
 */
const MAX_FUNCTION_LINES = 80;
const MAX_MODULE_LINES = 300;

/**
 * Generated files are exempt: each entry names the file and the script that writes it. There are none today
 * among the files measured (`npm run schemas` writes JSON outside `src/`, and the compiled validators as
 * `src/schemas/validators.generated.cjs`, which the glob below does not take); add one here only for a file
 * no person edits by hand.
 */
const GENERATED: ReadonlyMap<string, string> = new Map();

/** A script inside a file: its text and the line of the file it starts on (0-based). */
interface Script {
  text: string;
  firstLine: number;
}

/** The TypeScript parts of an `.astro` file: the frontmatter between the leading `---` fences and each `<script>`. */
function astroScripts(source: string): Script[] {
  const scripts: Script[] = [];
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length - 1;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (frontmatter) scripts.push({ text: frontmatter[1]!, firstLine: 1 });
  for (const m of source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = m.index + m[0].indexOf('>') + 1;
    scripts.push({ text: m[1]!, firstLine: lineAt(start) });
  }
  return scripts;
}

/** A readable name for a function: its own, the variable or property it is assigned to, or the call it is passed to. */
function nameOf(node: ts.SignatureDeclaration, sf: ts.SourceFile): string {
  if (node.name) return node.name.getText(sf);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node)
    return parent.name.getText(sf);
  if (ts.isCallExpression(parent)) return `аргумент ${parent.expression.getText(sf).slice(0, 40)}(…)`;
  return '(безымянная)';
}

/** Lines counted like `wc -l`: a last line without a newline still counts. */
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Every limit a file breaks, as `file:line name (N строк)`. `file` is the path shown; `.astro` files are read by their scripts. */
function oversized(file: string, source: string): string[] {
  const found: string[] = [];
  const lines = lineCount(source);
  if (lines > MAX_MODULE_LINES) found.push(`${file}:1 модуль (${lines} строк, предел ${MAX_MODULE_LINES})`);
  const scripts = file.endsWith('.astro') ? astroScripts(source) : [{ text: source, firstLine: 0 }];
  for (const script of scripts) {
    const sf = ts.createSourceFile(file, script.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        const length = end - start + 1;
        if (length > MAX_FUNCTION_LINES)
          found.push(`${file}:${script.firstLine + start + 1} ${nameOf(node, sf)} (${length} строк, предел ${MAX_FUNCTION_LINES})`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** Every checked file under `src/`, relative to the project root, sorted. */
function sourceFiles(): string[] {
  return globSync('src/**/*.{ts,mts,mjs,js,astro}', { cwd: projectRoot })
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

describe('function and module sizes in src/', () => {
  it('no function over 80 lines, no module over 300 (generated files aside)', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.filter((file) => !GENERATED.has(file)).flatMap((file) => oversized(file, readFileSync(path.join(projectRoot, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('every file exempted as generated exists', () => {
    const files = new Set(sourceFiles());
    expect([...GENERATED.keys()].filter((file) => !files.has(file))).toEqual([]);
  });
});

describe('the size check itself', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
  /** A function of exactly `n` lines, its header and closing brace included. */
  const fn = (name: string, n: number) => `function ${name}() {\n${body(n - 2)}\n}\n`;

  it('reports a function of 81 lines at its line, and lets one of 80 pass', () => {
    const source = `${fn('short', 80)}\n/** A doc comment is not counted. */\n${fn('long', 81)}`;
    expect(oversized('src/x.ts', source)).toEqual(['src/x.ts:83 long (81 строк, предел 80)']);
  });

  it('names arrows, methods and callbacks, and reports an inner function on its own as well', () => {
    const arrow = `export const handler = async () => {\n${body(81)}\n};\n`;
    const method = `class A {\n  run() {\n${body(81)}\n  }\n}\n`;
    const callback = `app.get('/x', (request) => {\n${body(81)}\n});\n`;
    const nested = `function outer() {\n  const inner = () => {\n${body(81)}\n  };\n}\n`;
    expect(oversized('src/a.ts', arrow)).toEqual(['src/a.ts:1 handler (83 строк, предел 80)']);
    expect(oversized('src/b.ts', method)).toEqual(['src/b.ts:2 run (83 строк, предел 80)']);
    expect(oversized('src/c.ts', callback)).toEqual(['src/c.ts:1 аргумент app.get(…) (83 строк, предел 80)']);
    expect(oversized('src/d.ts', nested)).toEqual(['src/d.ts:1 outer (85 строк, предел 80)', 'src/d.ts:2 inner (83 строк, предел 80)']);
  });

  it('reports a module of 301 lines, and lets one of 300 pass', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const c${i} = ${i};\n`).join('');
    expect(oversized('src/m.ts', lines(300))).toEqual([]);
    expect(oversized('src/m.ts', lines(301))).toEqual(['src/m.ts:1 модуль (301 строк, предел 300)']);
  });

  it('reads the frontmatter and the scripts of an .astro file, with the file’s line numbers', () => {
    const astro = `---\nimport X from './x.ts';\n${fn('frontmatter', 81)}---\n<p>текст</p>\n<script>\n${fn('client', 81)}</script>\n`;
    expect(astroScripts(astro).map((s) => s.firstLine)).toEqual([1, 85]);
    expect(oversized('src/P.astro', astro)).toEqual(['src/P.astro:3 frontmatter (81 строк, предел 80)', 'src/P.astro:87 client (81 строк, предел 80)']);
  });
});
