import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * A build replaces its output folder as a whole: the new site is moved in and whatever was there is
 * deleted. That is right for the previous site and ruinous for anything else, so before any work the
 * build asks here whether the folder may go. It may when it does not exist yet, is empty, or holds a
 * site this portal built (`registry.json` and `pagefind/` of one site, `_nginx/sites.json` of the
 * sites of `--audiences`). It may not when it is the content root, the project, a folder above either
 * (or the home folder or `/`), or a folder inside the content root, where the next check would read
 * the site as content. Returns the reason in Russian, or undefined when the folder may be replaced.
 */
export function refusedOutput(out: string, guarded: { contentRoot: string; projectRoot: string }): string | undefined {
  const target = real(out);
  const content = real(guarded.contentRoot);
  const project = real(guarded.projectRoot);
  const named = (what: string) => `папка вывода «${out}» ${what}; сборка заменяет папку вывода целиком и удалила бы её`;
  if (target === path.parse(target).root || target === real(homedir())) return named('— корневая или домашняя папка');
  if (inside(content, target)) return named(target === content ? '— это папка содержимого' : 'содержит папку содержимого');
  if (inside(project, target)) return named(target === project ? '— это папка проекта' : 'содержит папку проекта');
  if (inside(target, content)) return `папка вывода «${out}» лежит внутри папки содержимого: следующая проверка прочла бы сайт как содержимое`;
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return `«${out}» — это файл, а не папка: укажите папку вывода, например dist`;
  if (readdirSync(target).length === 0 || builtSite(target)) return undefined;
  return (
    named('не пуста и не похожа на собранный порталом сайт (в ней нет registry.json и pagefind/ или _nginx/sites.json)') +
    ': укажите новую или пустую папку, например dist'
  );
}

/** What a build of this portal leaves at the top of its output: one site, or the sites of `--audiences`. */
function builtSite(dir: string): boolean {
  const has = (rel: string) => existsSync(path.join(dir, rel));
  return (has('registry.json') && has('pagefind')) || has('_nginx/sites.json');
}

/** Whether `child` is `parent` or lies below it. */
function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel));
}

/** The absolute path with symbolic links resolved as far as it exists (the rest as written). */
function real(p: string): string {
  const abs = path.resolve(p);
  let existing = abs;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    return path.join(realpathSync(existing), path.relative(existing, abs));
  } catch {
    return abs;
  }
}
