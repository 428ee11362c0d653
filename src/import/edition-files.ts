import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { codeSlug, compareNatural } from '../lib/codes.ts';
import { contentPaths } from '../lib/content-paths.ts';
import { appendix as appendixSchema, edition as editionSchema } from '../schemas/document.ts';
import { ImportError } from './errors.ts';
import { mdxFile } from './mdx-writer.ts';
import type { Recognition } from './recognise.ts';

export interface PlannedFile {
  /** Relative to the content root: `documents/pt-035/editions/1.1.mdx`. */
  rel: string;
  content: string;
}

export interface Plan {
  code: string;
  version: string;
  /** The document existed: this is a new edition of it. */
  newEdition: boolean;
  files: PlannedFile[];
  /** Schema problems of the frontmatter we are about to write (the checker will report them too). */
  schemaIssues: string[];
}

/** Next version after the newest existing one: 1.0 → 1.1, 2 → 3. */
export function nextVersion(versions: string[]): string {
  const last = [...versions].sort(compareNatural).at(-1);
  if (!last) return '1.0';
  const parts = last.split('.').map(Number);
  parts[parts.length - 1]! += 1;
  return parts.join('.');
}

/**
 * The files of one imported document. An existing edition is never overwritten: without --version a
 * document that exists gets the next version; an explicit --version that exists is refused.
 */
export function planEdition(rec: Recognition, root: string, options: { version?: string; input: string }): Plan {
  if (!rec.code) throw new ImportError('код документа не найден ни в заголовке, ни в колонтитуле: укажите его параметром --code');
  const slug = codeSlug(rec.code);
  const dir = path.join(root, contentPaths.editions(slug));
  const existing = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.slice(0, -4))
    : [];
  if (options.version && existing.includes(options.version)) {
    throw new ImportError(
      `редакция ${options.version} документа ${rec.code} уже есть (${contentPaths.edition(slug, options.version)}): импорт её не перезаписывает — укажите другую --version или не указывайте её, чтобы создать следующую`,
    );
  }
  const version = options.version ?? nextVersion(existing);
  const frontmatter = {
    code: rec.code,
    title: rec.title ?? rec.code,
    version,
    status: 'проект',
    changes: `Импортировано из «${path.basename(options.input)}»${existing.length ? ` как новая редакция после ${existing.sort(compareNatural).at(-1)}` : ''}; требует проверки автором.`,
    access: rec.access ?? 'internal',
    passport: rec.passport,
    references: rec.references,
  };
  const parsed = editionSchema.safeParse(frontmatter);
  const schemaIssues = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const files: PlannedFile[] = [{ rel: contentPaths.edition(slug, version), content: mdxFile(frontmatter, rec.body) }];
  for (const a of rec.appendices) {
    const rel = contentPaths.appendix(slug, a.number);
    if (existsSync(path.join(root, rel))) {
      schemaIssues.push(`приложение ${a.number} уже есть (${rel}) и не перезаписано: сравните вручную`);
      continue;
    }
    const data = { number: a.number, title: a.title };
    const ok = appendixSchema.safeParse(data);
    if (!ok.success) schemaIssues.push(...ok.error.issues.map((i) => `${rel}: ${i.path.join('.')}: ${i.message}`));
    files.push({ rel, content: mdxFile(data, a.blocks) });
  }
  return { code: rec.code, version, newEdition: existing.length > 0, files, schemaIssues };
}
