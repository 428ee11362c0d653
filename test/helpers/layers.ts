import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of src/, lowest first: a module may import from its own layer and the layers before it,
 * never from a later one. Each entry is a top folder (or a file directly under src/); one that is in no
 * layer is a violation of its own, so a new folder must be placed here before anything can import it.
 */
export const LAYERS: ReadonlyArray<readonly string[]> = [
  ['schemas'],
  ['lib'],
  ['model'],
  ['analysis'],
  ['validation', 'render'],
  ['publish'],
  ['site'],
  // Astro's own entries beside the pages: the content layer that reads the published view, the type declarations.
  ['pages', 'components', 'layouts', 'styles', 'content.config.ts', 'env.d.ts'],
  ['integration', 'import', 'authoring', 'lsp', 'ack', 'serve', 'report'],
];

/** Files whose imports are read; anything else under src/ (styles) only needs its folder placed. */
const SOURCE = /\.(ts|mts|mjs|js|astro)$/;

/** The layer of a path relative to the project root (`src/model/corpus.ts` → 2); undefined: not placed. */
export function layerOf(rel: string): number | undefined {
  const [, top] = rel.split('/');
  const index = LAYERS.findIndex((layer) => layer.includes(top ?? ''));
  return index === -1 ? undefined : index;
}

const layerName = (rank: number | undefined) => (rank === undefined ? 'нет слоя' : LAYERS[rank]!.join('|'));

/**
 * Every module a source names: static imports and re-exports (value and type), `import()` (in code and
 * in JSDoc types) and `new URL('./file.ts', import.meta.url)` (a worker or middleware entry). In an
 * .astro file, its frontmatter and its <script> blocks; the template cannot import.
 */
export function specifiersOf(file: string, text: string): string[] {
  const code = file.endsWith('.astro') ? astroCode(text) : text;
  const found = ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
  for (const m of code.matchAll(/new\s+URL\(\s*['"]([^'"]+\.[a-z]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) found.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return [...new Set(found)];
}

function astroCode(text: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

export interface SourceFile {
  /** Relative to the project root, with `/`: `src/model/corpus.ts`. */
  path: string;
  text: string;
}

/**
 * What breaks the layering, one line each: a file in a folder no layer holds, and an import of a
 * relative path that lands in a later layer or in an unplaced folder of src/. Package imports and
 * paths outside src/ are not layers and are not judged.
 */
export function layerViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  const unplaced = new Set<string>();
  for (const file of files) {
    const rank = layerOf(file.path);
    if (rank === undefined) {
      unplaced.add(file.path.split('/').slice(0, 2).join('/'));
      continue;
    }
    if (!SOURCE.test(file.path)) continue;
    for (const spec of specifiersOf(file.path, file.text)) {
      if (!spec.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec));
      if (!target.startsWith('src/')) continue;
      const targetRank = layerOf(target);
      if (targetRank === undefined || targetRank > rank)
        out.push(`${file.path} → ${target} (${layerName(rank)} → ${layerName(targetRank)}): импорт из нижнего слоя в верхний`);
    }
  }
  for (const folder of unplaced) out.push(`${folder}: не отнесено ни к одному слою — добавьте в LAYERS (test/helpers/layers.ts)`);
  return out.sort();
}

/** Every file under src/ of a project, as `SourceFile`s. */
export function sourceFiles(projectRoot: string): SourceFile[] {
  const src = path.join(projectRoot, 'src');
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
    .map((rel) => ({ path: rel, text: SOURCE.test(rel) ? readFileSync(path.join(projectRoot, rel), 'utf8') : '' }));
}
