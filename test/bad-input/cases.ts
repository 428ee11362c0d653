import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The bad-input corpus: each case drops files into a copy of `minimal/` (a valid content root with one
 * document, ПР-001). A malformed case names the file, line and column of the finding it must produce and
 * a pattern of its Russian reason; an oddity names nothing: it must give exactly the findings of the
 * plain root.
 */
export interface BadInput {
  name: string;
  /** Files to add or replace (content) or remove (null), relative to the content root. */
  files: Record<string, string | Uint8Array | null>;
  /** Empty folders to create (for «a folder named like a file»). */
  dirs?: string[];
  /** Symbolic links to create: path → target. */
  links?: Record<string, string>;
}
export interface Malformed extends BadInput {
  /** `path:line:column` relative to the root, then the reason pattern. */
  expect: [where: string, reason: RegExp];
  /** The finding is the only one in its file (one fault, one message). */
  alone?: boolean;
}

export const MINIMAL = path.join(import.meta.dirname, 'minimal');
const EDITION = 'documents/pr-001/editions/1.0.mdx';
const UNITS = 'registries/units.json';
export const plainEdition = readFileSync(path.join(MINIMAL, EDITION), 'utf8');
const plainUnits = readFileSync(path.join(MINIMAL, UNITS), 'utf8');
const ACCESS = 'registries/access-levels.json';
const plainAccess = readFileSync(path.join(MINIMAL, ACCESS), 'utf8');

/** The minimal edition with one line replaced (the line must exist: a typo fails loudly). */
function edition(line: string, replacement: string): string {
  if (!plainEdition.includes(`${line}\n`)) throw new Error(`в образце нет строки «${line}»`);
  return plainEdition.replace(`${line}\n`, `${replacement}\n`);
}
const body = (text: string) => `${plainEdition}\n${text}\n`;
/** A second edition of ПР-001 with the given version (for duplicates and cycles). */
const edition2 = (fields: string) => plainEdition.replace('version: "1.0"', fields);
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];
const BODY_LINE = plainEdition.split('\n').length + 1;

export const MALFORMED: Malformed[] = [
  {
    name: 'YAML: незакрытая скобка',
    files: { [EDITION]: edition('title: Порядок для проверки плохих входных данных', 'title: [Порядок') },
    expect: [`${EDITION}:4:1`, /незакрытая скобка — закройте «\[» скобкой «\]»/],
  },
  {
    name: 'YAML: незакрытая кавычка',
    files: { [EDITION]: edition('title: Порядок для проверки плохих входных данных', 'title: "Порядок') },
    expect: [`${EDITION}:3:16`, /не хватает символа \(незакрытая кавычка или скобка\?\)/],
  },
  {
    name: 'YAML: отступ табуляцией',
    files: { [EDITION]: edition('  summary: Минимальный документ.', '\tsummary: Минимальный документ.') },
    expect: [`${EDITION}:14:1`, /ошибка синтаксиса YAML в свойствах: отступ табуляцией/],
    alone: true,
  },
  {
    name: 'YAML: свойство дважды',
    files: { [EDITION]: edition('status: утверждена', 'status: утверждена\nstatus: проект') },
    expect: [`${EDITION}:6:1`, /свойство «status» указано дважды \(первый раз — в строке 5\)/],
    alone: true,
  },
  {
    name: 'YAML: вложенное свойство дважды',
    files: { [EDITION]: edition('  summary: Минимальный документ.', '  summary: Минимальный документ.\n  summary: Другое описание.') },
    expect: [`${EDITION}:15:3`, /свойство «summary» указано дважды \(первый раз — в строке 14\)/],
    alone: true,
  },
  {
    name: 'YAML: тег !!js/function',
    files: { [EDITION]: edition('title: Порядок для проверки плохих входных данных', 'title: !!js/function "function () { return 1 }"') },
    expect: [`${EDITION}:3:8`, /тег YAML «!!js\/function» не поддерживается/],
    alone: true,
  },
  {
    name: 'YAML: свой тег !custom',
    files: { [EDITION]: edition('sample: Минимальный документ-образец для тестов плохих входных данных.', 'sample: !custom Образец.') },
    expect: [`${EDITION}:10:9`, /тег YAML «!custom» не поддерживается/],
    alone: true,
  },
  {
    name: 'YAML: тег YAML 1.1 !!binary',
    files: { [EDITION]: edition('sample: Минимальный документ-образец для тестов плохих входных данных.', 'sample: !!binary aGk=') },
    expect: [`${EDITION}:10:9`, /тег YAML «!!binary» не поддерживается/],
    alone: true,
  },
  {
    name: 'YAML: бомба из псевдонимов',
    files: {
      [EDITION]: edition(
        'sample: Минимальный документ-образец для тестов плохих входных данных.',
        `sample: Образец.\nx0: &a0 [y, y, y, y, y, y, y, y, y, y]\n${Array.from({ length: 12 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}`,
      ),
    },
    expect: [`${EDITION}:12:10`, /псевдонимы YAML \(\*имя\) раскрываются в слишком большой объём/],
  },
  {
    name: 'YAML: очень глубокая вложенность',
    files: {
      [EDITION]: edition(
        'sample: Минимальный документ-образец для тестов плохих входных данных.',
        `sample: Образец.\ndeep: ${'['.repeat(20000)}${']'.repeat(20000)}`,
      ),
    },
    expect: [`${EDITION}:11:71`, /слишком глубокая вложенность: больше 64 уровней/],
  },
  { name: 'свойства без блока ---', files: { [EDITION]: plainEdition.replace(/^---\n/, '') }, expect: [`${EDITION}:1:1`, /нет блока свойств \(frontmatter\)/] },
  {
    name: 'незакрытый блок свойств',
    files: { [EDITION]: plainEdition.replace(/\n---\n\n## Раздел/, '\n\n## Раздел') },
    expect: [`${EDITION}:1:1`, /нет блока свойств/],
  },
  { name: 'неверный тип: номер редакции числом', files: { [EDITION]: edition('version: "1.0"', 'version: 1.5') }, expect: [`${EDITION}:4:10`, /строк/] },
  {
    name: 'неверный тип: цели строкой',
    files: { [EDITION]: edition('  goals:\n    - Служить основой для тестов', '  goals: Служить основой для тестов') },
    expect: [`${EDITION}:12:10`, /массив|список/],
  },
  {
    name: 'неизвестное свойство',
    files: { [EDITION]: edition('status: утверждена', 'status: утверждена\nautor: Иванов') },
    expect: [`${EDITION}:6:8`, /неизвестное свойство «autor»: возможно, имелось в виду «act»/],
  },
  { name: 'нет обязательного свойства', files: { [EDITION]: edition('changes: Первая редакция.', '') }, expect: [`${EDITION}:2:1`, /changes/] },
  {
    name: 'несуществующая дата 2025-02-30',
    files: { [EDITION]: edition('approved: 2024-01-10', 'approved: 2025-02-30') },
    expect: [`${EDITION}:6:11`, /существующая дата/],
  },
  {
    name: 'дубликат кода документа',
    files: { 'documents/pr-001-copy/editions/1.0.mdx': plainEdition },
    expect: [`${EDITION}:2:7`, /код ПР-001 уже занят документом в папке «documents\/pr-001-copy\/»/],
  },
  {
    name: 'дубликат номера редакции',
    files: { 'documents/pr-001/editions/1.0-copy.mdx': plainEdition },
    // The copy is the misnamed file: the finding goes there, not to the original 1.0.mdx.
    expect: ['documents/pr-001/editions/1.0-copy.mdx:4:10', /редакция 1\.0 документа ПР-001 уже есть в файле 1\.0\.mdx/],
  },
  {
    name: 'замены документов по кругу',
    files: {
      [EDITION]: edition('effective: 2024-02-01', 'effective: 2024-02-01\ncancelled:\n  date: 2024-06-01\n  replacedBy: ПР-002').replace(
        'status: утверждена',
        'status: отменена',
      ),
      'documents/pr-002/editions/1.0.mdx': edition('effective: 2024-02-01', 'effective: 2024-02-01\ncancelled:\n  date: 2024-07-01\n  replacedBy: ПР-001')
        .replace('status: утверждена', 'status: отменена')
        .replace('code: ПР-001', 'code: ПР-002'),
    },
    expect: [`${EDITION}:10:15`, /замены документов замкнуты в круг: ПР-001 → ПР-002 → ПР-001/],
  },
  { name: 'нулевой байт', files: { [EDITION]: bytes(plainEdition, [0x00], 'хвост\n') }, expect: [`${EDITION}:${BODY_LINE - 1}:1`, /нулевой байт/] },
  {
    name: 'не UTF-8 (Windows-1251)',
    files: { [EDITION]: bytes(plainEdition, [0xcf, 0xf0, 0xe8, 0xec, 0xe5, 0xf0], '\n') },
    expect: [`${EDITION}:${BODY_LINE - 1}:2`, /не в кодировке UTF-8 \(неверный байт 0xf0\): сохраните его в UTF-8/],
  },
  { name: 'пустой файл', files: { 'documents/pr-001/appendices/1.mdx': '' }, expect: ['documents/pr-001/appendices/1.mdx:1:1', /файл пуст/] },
  {
    name: 'управляющий символ в тексте',
    files: { [EDITION]: edition('title: Порядок для проверки плохих входных данных', 'title: Порядок\u0007 для проверки') },
    expect: [`${EDITION}:3:15`, /управляющий символ U\+0007/],
  },
  {
    name: 'ошибка в конце очень длинной строки',
    files: { [EDITION]: body(`${'Длинный текст без переноса. '.repeat(40000)}<Secret />`) },
    expect: [`${EDITION}:${BODY_LINE}:1120001`, /компонент <Secret>/],
  },
  {
    name: 'ссылка «../» за пределы сайта',
    files: { [EDITION]: body('[пароли](/nd/../../etc/passwd)') },
    expect: [`${EDITION}:${BODY_LINE}:1`, /выходит за пределы портала/],
  },
  {
    name: 'относительная ссылка «../»',
    files: { [EDITION]: body('[выше](../../secret/)') },
    expect: [`${EDITION}:${BODY_LINE}:1`, /может увести за пределы портала/],
  },
  {
    name: 'ссылка-сноска на javascript:',
    files: { [EDITION]: body('См. [текст][r].\n\n[r]: javascript:alert(1)') },
    expect: [`${EDITION}:${BODY_LINE + 2}:1`, /ссылка «javascript:alert\(1\)» со схемой, которая может выполнить код/],
    alone: true,
  },
  // A `{…}` comment sends the file through remark-mdx instead of Sätteri: the same target, the same finding.
  {
    name: 'ссылка-сноска на javascript: (дерево remark-mdx)',
    files: { [EDITION]: body('{/* примечание автора */}\n\nСм. [текст][r].\n\n[r]: javascript:alert(1)') },
    expect: [`${EDITION}:${BODY_LINE + 4}:1`, /ссылка «javascript:alert\(1\)» со схемой, которая может выполнить код/],
    alone: true,
  },
  {
    name: 'автоссылка <javascript:…>',
    files: { [EDITION]: body('Автоссылка <javascript:alert(1)> здесь.') },
    expect: [`${EDITION}:${BODY_LINE}:12`, /адрес в угловых скобках «<…>» в MDX не ссылка/],
    alone: true,
  },
  {
    name: 'пробел нулевой ширины в коде',
    files: { [EDITION]: body('См. ПР-\u200B001.') },
    expect: [`${EDITION}:${BODY_LINE}:8`, /в ссылке «ПР-001» невидимый символ U\+200B \(пробел нулевой ширины\): удалите его/],
    alone: true,
  },
  {
    name: 'мягкий перенос в коде',
    files: { [EDITION]: body('См. П\u00ADР-001.') },
    expect: [`${EDITION}:${BODY_LINE}:6`, /невидимый символ U\+00AD \(мягкий перенос\)/],
    alone: true,
  },
  {
    name: 'знак направления текста в коде',
    files: { [EDITION]: body('См. ПР-00\u202E1.') },
    expect: [`${EDITION}:${BODY_LINE}:10`, /невидимый символ U\+202E \(управление направлением текста\)/],
    alone: true,
  },
  { name: 'BOM внутри кода', files: { [EDITION]: body('См. ПР\uFEFF-001.') }, expect: [`${EDITION}:${BODY_LINE}:7`, /невидимый символ U\+FEFF/], alone: true },
  {
    name: 'невидимый символ в коде из нормативных ссылок',
    files: {
      [EDITION]: edition('sample: Минимальный документ-образец для тестов плохих входных данных.', 'sample: Образец.\nreferences:\n  - cite: ПР-\u2060001'),
    },
    expect: [`${EDITION}:12:11`, /в ссылке «ПР-001» невидимый символ U\+2060 \(соединитель слов\)/],
    alone: true,
  },
  {
    name: 'HTML в идентификаторе',
    files: { [UNITS]: plainUnits.replace('"id": "dkko"', '"id": "<script>alert(1)</script>"') },
    expect: [`${UNITS}:4:7`, /значение "<script>alert\(1\)<\/script>" не соответствует образцу/],
  },
  {
    name: 'скрипт в тексте документа',
    files: { [EDITION]: body('<script>alert(1)</script>') },
    expect: [`${EDITION}:${BODY_LINE}:1`, /элемент <script> запрещён/],
  },
  {
    name: 'незакрытый тег MDX',
    files: { [EDITION]: body('<Note>Примечание без закрывающего тега') },
    expect: [`${EDITION}:${BODY_LINE}:1`, /тег <Note> не закрыт: добавьте <\/Note>/],
  },
  {
    name: 'HTML-комментарий в MDX',
    files: { [EDITION]: body('Текст <!-- заметка --> дальше') },
    expect: [`${EDITION}:${BODY_LINE}:8`, /HTML-комментарий .* пишите комментарий как \{\/\* … \*\/\}/],
  },
  { name: 'неизвестный компонент', files: { [EDITION]: body('<Secret />') }, expect: [`${EDITION}:${BODY_LINE}:1`, /компонент <Secret> не входит в список/] },
  { name: 'импорт в MDX', files: { [EDITION]: body('import fs from "node:fs"') }, expect: [`${EDITION}:${BODY_LINE}:1`, /импорт запрещён/] },
  {
    name: 'выражение, обращающееся к process',
    files: { [EDITION]: body('Текст {process.exit(3)}') },
    expect: [`${EDITION}:${BODY_LINE}:7`, /обращается к «process»/],
  },
  {
    name: 'файл больше 5 МБ',
    files: { 'documents/pr-001/appendices/1.mdx': `---\nnumber: 1\ntitle: Большое приложение\n---\n\n${'Абзац текста приложения. '.repeat(120000)}` },
    expect: ['documents/pr-001/appendices/1.mdx:1:1', /файл слишком велик: 5,\d МБ при пределе 5 МБ/],
  },
  {
    name: 'PNG с расширением .mdx',
    files: { 'documents/pr-001/appendices/1.mdx': Buffer.from(PNG) },
    expect: ['documents/pr-001/appendices/1.mdx:1:1', /не в кодировке UTF-8|двоичн/],
  },
  {
    name: 'JSON: свойство дважды в записи реестра',
    files: { [ACCESS]: plainAccess.replace('"rank": 0,', '"rank": 0,\n      "rank": 3,') },
    expect: [`${ACCESS}:8:7`, /ошибка в данных JSON: свойство «rank» указано дважды \(первый раз — в строке 7\)/],
    alone: true,
  },
  {
    name: 'JSON: свойство дважды на верхнем уровне',
    files: { [UNITS]: `${plainUnits.trimEnd().replace(/}$/, '')},\n  "items": []\n}\n` },
    expect: [`${UNITS}:${plainUnits.trimEnd().split('\n').length + 1}:3`, /свойство «items» указано дважды \(первый раз — в строке 3\)/],
    alone: true,
  },
  {
    name: 'JSON: запятая в конце',
    files: { [UNITS]: plainUnits.replace('"parent": null }', '"parent": null },') },
    // One error, at the comma, where the parser reports two at the bracket.
    expect: [`${UNITS}:4:89`, /ошибка синтаксиса JSON: лишняя запятая перед «\]»: после последнего элемента запятая не ставится — уберите её/],
    alone: true,
  },
  {
    name: 'JSON: комментарий',
    files: { [UNITS]: plainUnits.replace('"items": [', '// подразделения\n  "items": [') },
    expect: [`${UNITS}:3:3`, /комментарии в JSON не допускаются/],
  },
  { name: 'JSON: массив вместо объекта', files: { [UNITS]: '[]\n' }, expect: [`${UNITS}:1:1`, /объект/] },
  {
    name: 'JSON: очень глубокая вложенность',
    files: { [UNITS]: plainUnits.replace('"parent": null', `"parent": null, "deep": ${'['.repeat(100000)}${']'.repeat(100000)}`) },
    expect: [`${UNITS}:4:158`, /ошибка в данных JSON: слишком глубокая вложенность: больше 64 уровней/],
  },
  {
    name: 'файл в неизвестном месте',
    files: { 'documents/pr-001/notes.txt': 'заметки автора\n' },
    expect: ['documents/pr-001/notes.txt:1:1', /не относится ни к одному виду содержимого/],
  },
  {
    name: 'папка с именем файла',
    files: {},
    dirs: ['documents/pr-001/editions/2.0.mdx'],
    expect: ['documents/pr-001/editions/2.0.mdx:1:1', /папка, а не файл/],
  },
  {
    name: 'символическая ссылка за пределы папки',
    files: {},
    links: { 'documents/pr-001/appendices/1.mdx': '/etc/hostname' },
    expect: ['documents/pr-001/appendices/1.mdx:1:1', /символическая ссылка: сборка не переходит по ссылкам/],
  },
  { name: 'неизвестный уровень доступа', files: { [EDITION]: edition('access: public', 'access: top-secret') }, expect: [`${EDITION}:9:9`, /уровень доступа/] },
];

/** Well-formed oddities: accepted, with exactly the findings of the plain root. */
export const ODDITIES: BadInput[] = [
  { name: 'UTF-8 BOM', files: { [EDITION]: `\ufeff${plainEdition}`, [UNITS]: `\ufeff${plainUnits}` } },
  { name: 'CRLF', files: { [EDITION]: plainEdition.replace(/\n/g, '\r\n'), [UNITS]: plainUnits.replace(/\n/g, '\r\n') } },
  { name: 'BOM и CRLF вместе', files: { [EDITION]: `\ufeff${plainEdition.replace(/\n/g, '\r\n')}` } },
  { name: 'мягкий перенос в обычном слове', files: { [EDITION]: plainEdition.replace('Текст, который', 'Текст, ко\u00ADторый') } },
  { name: 'табуляция в тексте (не в YAML)', files: { [EDITION]: plainEdition.replace('## Раздел\n', '## Раздел\n\nКолонка\tи\tещё.\n') } },
  {
    name: 'HTML-разметка как текст в свойстве',
    files: { [EDITION]: edition('title: Порядок для проверки плохих входных данных', "title: '<script>alert(1)</script> & «кавычки»'") },
  },
  {
    name: 'цитаты и списки глубиной 200 уровней',
    files: { [EDITION]: body(`${'>'.repeat(200)} цитата\n\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- пункт`).join('\n')}`) },
  },
  { name: 'документ почти 5 МБ', files: { [EDITION]: body('Абзац текста документа, довольно обычный. '.repeat(60000)) } },
];
