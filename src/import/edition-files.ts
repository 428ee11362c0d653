import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { codeSlug, compareNatural } from '../lib/codes.ts';
import { contentPaths } from '../lib/content-paths.ts';
import { appendix as appendixSchema, edition as editionSchema } from '../schemas/document.ts';
import { MAX_FILE_BYTES } from '../analysis/source.ts';
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

const FIELD_NAMES: Record<string, string> = {
  'passport.goals': 'цели документа',
  'passport.summary': 'краткое описание',
  'passport.responsibleForApplication': 'ответственный за применение НД',
  'passport.responsibleForDevelopment': 'ответственный за разработку НД (владелец)',
  'passport.scope': 'область применения',
};

/** A schema issue in words an author acts on: a field the document did not give is named, not «expected an array». */
function issueText(data: unknown, at: PropertyKey[], message: string): string {
  const key = at.map(String).join('.');
  const value = at.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
  if (value === undefined) return `${key}: в документе не найдено${FIELD_NAMES[key] ? ` (${FIELD_NAMES[key]})` : ''} — заполните в файле редакции вручную`;
  return `${key}: ${message}`;
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
  if (!rec.code && rec.unregisteredCode) {
    const { code, source, known } = rec.unregisteredCode;
    throw new ImportError(
      `код документа не распознан: «${code}» (${source}) — вида документа «${code.split('-')[0]}» нет в реестре registries/document-types.json (известные: ${known.join(', ')}); добавьте вид в реестр и повторите импорт или укажите код известного вида параметром --code`,
    );
  }
  if (!rec.code)
    throw new ImportError('код документа не найден ни в колонтитуле, ни в таблице паспорта, ни в заголовке, ни в имени файла: укажите его параметром --code');
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
  const fromDocument = rec.version && !existing.includes(rec.version) ? rec.version : undefined;
  const version = options.version ?? fromDocument ?? nextVersion(existing);
  const frontmatter = {
    code: rec.code,
    title: rec.title ?? rec.code,
    version,
    status: rec.approved ? 'утверждена' : 'проект',
    ...(rec.approved ? { approved: rec.approved } : {}),
    ...(rec.effective ? { effective: rec.effective } : {}),
    ...(rec.act ? { act: rec.act } : {}),
    changes: `Импортировано из «${path.basename(options.input)}»${existing.length ? ` как новая редакция после ${existing.sort(compareNatural).at(-1)}` : ''}; требует проверки автором.`,
    access: rec.access ?? 'internal',
    passport: rec.passport,
    references: rec.references,
  };
  const parsed = editionSchema.safeParse(frontmatter);
  const schemaIssues = parsed.success ? [] : parsed.error.issues.map((i) => issueText(frontmatter, i.path, i.message));
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
  for (const file of files) {
    const bytes = Buffer.byteLength(file.content);
    if (bytes > MAX_FILE_BYTES)
      throw new ImportError(
        `${file.rel} вышел бы ${(bytes / 2 ** 20).toFixed(1)} МБ при пределе проверки ${MAX_FILE_BYTES / 2 ** 20} МБ: ничего не записано; разделите документ на части или вынесите данные в приложения`,
      );
  }
  if (rec.version && !fromDocument && !options.version) schemaIssues.push(`редакция ${rec.version} из документа уже есть: записана следующая, ${version}`);
  return { code: rec.code, version, newEdition: existing.length > 0, files, schemaIssues };
}
