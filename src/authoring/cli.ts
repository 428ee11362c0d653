import path from 'node:path';
import { loadCorpus } from '../analysis/load.ts';
import type { Corpus } from '../model/corpus.ts';
import { AuthoringError, ExistsError } from './errors.ts';
import { planAppendix, planDocument, planEdition, titleProblem, type NewFile } from './scaffold.ts';
import { writeNew } from './write.ts';
import { commandLine, UsageError } from '../lib/command-line.ts';

/** Questions for what the flags leave out; only a terminal gets them. Each returns undefined when the author cancels. */
export interface Asker {
  /** `validate` returns why an answer is refused (asked again), or undefined. */
  text(message: string, placeholder?: string, validate?: (value: string) => string | undefined): Promise<string | undefined>;
  select(message: string, options: Array<{ value: string; label: string; hint?: string }>): Promise<string | undefined>;
}

export interface NewIo {
  /** Content root (absolute) and the date that decides which edition is in force. */
  root: string;
  date: string;
  /** Present when stdin is a terminal. */
  ask?: Asker;
  out: (text: string) => void;
  err: (text: string) => void;
}

const KINDS = { document: 'документ', edition: 'редакция', appendix: 'приложение' } as const;
type Kind = keyof typeof KINDS;

export const USAGE = `Использование:
  npm run new -- document ПР-012 --title "Наименование" --unit dkko [--access internal]
  npm run new -- edition ПТ-035 [--major | --version 2.0]
  npm run new -- appendix ПТ-035 --title "Наименование" [--number 4]`;

/** `npm run new`: 0 — created; 1 — the file exists, nothing written; 2 — wrong or missing input. */
export async function runNew(argv: string[], io: NewIo): Promise<number> {
  try {
    const file = await plan(argv, io);
    if (!file) return 2;
    await writeNew(io.root, file);
    const relRoot = path.relative(process.cwd(), io.root);
    const shown = path.join(relRoot.startsWith('..') ? io.root : relRoot, file.rel);
    io.out(
      `Создан ${shown}${file.note ? ` (${file.note})` : ''}.\nЗаполните поля со словом «ЗАПОЛНИТЬ» и запустите npm run check: он назовёт каждое незаполненное поле.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ExistsError) {
      io.err(`Ничего не создано: ${error.message}\n`);
      return 1;
    }
    if (error instanceof AuthoringError) {
      io.err(`Ничего не создано: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      if (error.exitCode === 0) io.out(`${USAGE}\n`);
      else io.err(`Ничего не создано: ${error.message}\n${USAGE}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

async function plan(argv: string[], io: NewIo): Promise<NewFile | undefined> {
  const parsed = commandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        unit: { type: 'string' },
        access: { type: 'string' },
        major: { type: 'boolean' },
        version: { type: 'string' },
        number: { type: 'string' },
      },
    },
    USAGE,
  );
  const { values, positionals } = parsed;
  if (positionals.length > 2) throw new AuthoringError(`лишние аргументы: ${positionals.slice(2).join(' ')} (название — в кавычках после --title)\n${USAGE}`);
  const corpus = await loadCorpus(io.root);
  const ask = io.ask;
  const given = { kind: positionals[0], code: positionals[1], title: values.title, unit: values.unit, access: values.access };
  if (given.kind !== undefined && !(given.kind in KINDS)) throw new AuthoringError(`неизвестный вид «${given.kind}»: document, edition или appendix\n${USAGE}`);
  if (!ask) {
    const missing = missingFlags(given);
    if (missing.length > 0)
      throw new AuthoringError(`не хватает параметров: ${missing.join(', ')}. Без терминала вопросы не задаются — укажите их в команде.\n${USAGE}`);
  }
  const kind = (given.kind ??
    (await ask?.select(
      'Что создать?',
      Object.entries(KINDS).map(([value, label]) => ({ value, label })),
    ))) as Kind | undefined;
  if (!kind) return cancelled(io);
  const code = given.code ?? (await askCode(kind, corpus, ask));
  if (!code) return cancelled(io);
  if (kind === 'edition') return planEdition(corpus, { code, major: values.major, version: values.version, date: io.date });
  const title =
    given.title ??
    (kind === 'document'
      ? await ask?.text('Наименование документа (без вида: «Порядок…», не «Процедура. Порядок…»)', undefined, (value) => titleProblem(corpus, value))
      : await ask?.text('Наименование приложения'));
  if (!title?.trim()) return cancelled(io);
  if (kind === 'appendix') {
    const number = values.number === undefined ? undefined : Number(values.number);
    return planAppendix(corpus, { code, title: title.trim(), number });
  }
  const unit =
    given.unit ??
    (await ask?.select(
      'Ответственное подразделение',
      corpus.units.map((u) => ({ value: u.data.id, label: u.data.name, hint: u.data.id })),
    ));
  if (!unit) return cancelled(io);
  const access =
    given.access ??
    (ask
      ? await ask.select(
          'Уровень доступа',
          corpus.accessLevels.map((a) => ({ value: a.data.id, label: a.data.name, hint: a.data.id })),
        )
      : undefined);
  if (ask && !access) return cancelled(io);
  return planDocument(corpus, { code, title: title.trim(), unit, access });
}

/** The flags a non-interactive run must name, in the order the usage line shows them. */
export function missingFlags(given: { kind?: string; code?: string; title?: string; unit?: string }): string[] {
  const missing: string[] = [];
  if (!given.kind) missing.push('вид (document, edition или appendix)');
  if (!given.code) missing.push('код документа');
  if ((given.kind === 'document' || given.kind === 'appendix') && !given.title) missing.push('--title');
  if (given.kind === 'document' && !given.unit) missing.push('--unit');
  return missing;
}

async function askCode(kind: Kind, corpus: Corpus, ask: Asker | undefined): Promise<string | undefined> {
  if (kind === 'document') return ask?.text('Код нового документа', 'ПР-012');
  return ask?.select(
    'Документ',
    corpus.documents.map((d) => ({ value: d.code, label: d.code, hint: d.editions.at(-1)?.data.title })),
  );
}

function cancelled(io: NewIo): undefined {
  io.err('Отменено: ничего не создано.\n');
  return undefined;
}
