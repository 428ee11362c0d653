import path from 'node:path';
import { codeSlug, cyrillicPrefixFor, parseCode } from '../lib/codes.ts';
import { contentPaths } from '../lib/content-paths.ts';
import type { Corpus, DocumentEntry } from '../model/corpus.ts';
import { documentStatus } from '../model/editions.ts';
import { editionFrom, nextVersion } from './edition.ts';
import { appendixText, documentText } from './templates.ts';
import { AuthoringError, ExistsError } from './errors.ts';

/** A file to create: where, relative to the content root, and its text. */
export interface NewFile {
  rel: string;
  text: string;
  /** What the author should know about it, in Russian (which edition it starts from…). */
  note?: string;
}

export interface DocumentInput {
  code: string;
  title: string;
  unit: string;
  access?: string;
}

/** A new document: `documents/<slug>/editions/1.0.mdx`. */
export function planDocument(corpus: Corpus, input: DocumentInput): NewFile {
  const code = canonicalCode(corpus, input.code);
  const existing = findDocument(corpus, code);
  if (existing) throw new ExistsError(`документ ${code} уже есть (documents/${existing.folder}/): новую редакцию создаёт «npm run new -- edition ${code}»`);
  const units = corpus.units.map((u) => u.data.id);
  if (!units.includes(input.unit)) throw new AuthoringError(`подразделение «${input.unit}» не найдено в registries/units.json; известные: ${units.join(', ')}`);
  const levels = corpus.accessLevels.map((a) => a.data.id);
  if (input.access !== undefined && !levels.includes(input.access))
    throw new AuthoringError(`уровень доступа «${input.access}» не найден в registries/access-levels.json; известные: ${levels.join(', ')}`);
  const problem = titleProblem(corpus, input.title);
  if (problem) throw new AuthoringError(problem);
  return { rel: contentPaths.edition(codeSlug(code), '1.0'), text: documentText({ ...input, code }) };
}

/**
 * A new document's title names what the document is about, without its type: the portal shows the
 * type from the code («Инструкция ИН-004. По охране труда» would read the type twice). Undefined when
 * the title is fine, else why not, with the title without the type word.
 */
export function titleProblem(corpus: Pick<Corpus, 'types'>, title: string): string | undefined {
  const trimmed = title.trim();
  for (const { data } of corpus.types) {
    const name = data.name;
    const match = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s.,:;—–-])[\\s.,:;—–-]*`, 'iu').exec(trimmed);
    if (!match) continue;
    const rest = trimmed.slice(match[0].length);
    const fixed = rest ? `«${rest[0]!.toUpperCase()}${rest.slice(1)}»` : 'наименование без вида';
    return `наименование начинается с вида документа «${name}»: вид портал показывает сам по коду — напишите ${fixed}. Если вид — часть самого наименования (как у «Политика МТС в области качества…»), поправьте title в созданном файле`;
  }
  return undefined;
}

export interface EditionInput {
  code: string;
  major?: boolean;
  /** An explicit version instead of the proposed one. */
  version?: string;
  /** The date that decides which edition is in force. */
  date: string;
}

/** A new draft edition of an existing document, starting from the text of the edition in force. */
export function planEdition(corpus: Corpus, input: EditionInput): NewFile {
  const doc = requireDocument(corpus, input.code);
  const versions = doc.editions.map((e) => e.data.version);
  const version = input.version ?? nextVersion(versions, input.major ?? false);
  if (!/^\d+(?:\.\d+)*$/.test(version)) throw new AuthoringError(`номер редакции «${version}» — числа через точку, например 1.1 или 2.0`);
  if (versions.includes(version)) throw new ExistsError(`редакция ${version} документа ${doc.code} уже есть: выберите другой номер (--version)`);
  const status = documentStatus(doc.editions, input.date);
  const base = status.current?.edition ?? doc.editions.at(-1);
  if (!base) throw new AuthoringError(`у документа ${doc.code} нет ни одной читаемой редакции: исправьте её по сообщениям npm run check`);
  const from = status.current
    ? `действующей на ${input.date} редакции ${base.data.version}`
    : `последней редакции ${base.data.version} (на ${input.date} ни одна не действует)`;
  return {
    rel: contentPaths.edition(doc.folder, version),
    text: editionFrom(String(base.file.value), version),
    note: `текст взят из ${from}`,
  };
}

export interface AppendixInput {
  code: string;
  title: string;
  number?: number;
}

/** A new appendix: the next free number unless one is given. */
export function planAppendix(corpus: Corpus, input: AppendixInput): NewFile {
  const doc = requireDocument(corpus, input.code);
  const numbers = doc.appendices.map((a) => a.data.number);
  const number = input.number ?? Math.max(0, ...numbers) + 1;
  if (!Number.isInteger(number) || number < 1) throw new AuthoringError(`номер приложения — целое число от 1, указано «${input.number}»`);
  return { rel: contentPaths.appendix(doc.folder, number), text: appendixText({ number, title: input.title }) };
}

/** `ПР 012` or `пр-012` → `ПР-012`, if its prefix is in the document-type registry. */
function canonicalCode(corpus: Corpus, text: string): string {
  const parsed = parseCode(text.toUpperCase());
  const prefixes = corpus.types.map((t) => t.data.prefix);
  if (!parsed) {
    const latin = /^([A-Z]{1,4})[-\s]?(\d{1,4})$/.exec(text.trim().toUpperCase());
    const cyrillic = latin && cyrillicPrefixFor(latin[1] ?? '', prefixes);
    if (cyrillic) throw new AuthoringError(`код «${text}» набран латиницей: напишите ${cyrillic}-${latin?.[2]} кириллицей`);
    throw new AuthoringError(`«${text}» — не код документа: префикс кириллицей, дефис, номер — например, ПР-012`);
  }
  if (!prefixes.includes(parsed.prefix))
    throw new AuthoringError(`вид документа «${parsed.prefix}» не найден в registries/document-types.json; известные: ${prefixes.join(', ')}`);
  return parsed.code;
}

function findDocument(corpus: Corpus, code: string): DocumentEntry | undefined {
  return corpus.documents.find((d) => d.code === code || d.folder === codeSlug(code));
}

function requireDocument(corpus: Corpus, text: string): DocumentEntry {
  const code = parseCode(text.toUpperCase())?.code ?? text;
  const doc = findDocument(corpus, code);
  if (!doc) {
    const known = corpus.documents.map((d) => d.code).join(', ');
    throw new AuthoringError(
      `документ «${text}» не найден в content/documents/${known ? `; есть: ${known}` : ''}. Новый документ создаёт «npm run new -- document ${code} --title "…" --unit …»`,
    );
  }
  return doc;
}

/** Absolute path of a planned file. */
export const absolute = (root: string, file: NewFile) => path.join(root, ...file.rel.split('/'));
