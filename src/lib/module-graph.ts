import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Static import specifiers of a module: `import … from '…'`, `export … from '…'`, `import '…'` and
 * `import('…')` with a literal. A regular expression is enough for our own sources, which have no
 * import-like text inside strings; a false positive only makes a cache key more cautious.
 */
const IMPORT_RE = /(?:^|[\s;}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?['"]([^'"\n]+)['"]|\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

export function importSpecifiers(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(IMPORT_RE)].map((m) => (m[1] ?? m[2])!);
}

/**
 * Every file reached from the entries by relative imports, the entries included, sorted. Package
 * imports are not followed: package-lock.json stands for them in a key.
 */
export function moduleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => path.resolve(entry));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) queue.push(path.resolve(path.dirname(file), specifier));
    }
  }
  return [...seen].sort();
}

/** A digest of the files' paths (relative to `root`) and contents; undefined when one is missing. */
export function digestFiles(root: string, files: readonly string[]): string | undefined {
  const hash = createHash('sha1');
  for (const file of files) {
    if (!existsSync(file)) return undefined;
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
