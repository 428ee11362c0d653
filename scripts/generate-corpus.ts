/**
 * `npm run generate -- --docs N [--seed S] --out DIR [--source content]`
 *
 * Writes a content root in the project's real format with N generated normative documents: Russian
 * prose of 9–15 KB per edition (headings, paragraphs, lists, GFM tables), 1–3 editions each, prose
 * references to other generated codes, ISO clauses, appendices and `<Role>` markup. Registries,
 * standards and the real documents (the registries name ПТ-035 as the source of every role) are copied
 * from the source content root, so every reference resolves and `npm run check -- --root DIR` passes.
 * The same seed always gives the same files.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeSlug } from '../src/lib/codes.ts';
import { contentPaths } from '../src/lib/content-paths.ts';

export interface GenerateOptions {
  /** Number of generated documents (the copied real documents come on top). */
  docs: number;
  seed?: number;
  /** Content root to write; created, or replaced when it holds an earlier generated corpus. */
  out: string;
  /** Real content root to copy registries, standards and documents from; default: the project's `content/`. */
  source?: string;
}

export interface GenerateResult {
  out: string;
  documents: number;
  editions: number;
  appendices: number;
  /** Documents copied from the source root (ПТ-035…). */
  copied: number;
  bytes: number;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Marker in the output root; a dot file, so the loader and the checker skip it. */
const MARKER = '.nd-generated.json';
/** Edition size window, bytes of the whole file: inside 9–15 KB whether a KB is 1000 or 1024 bytes. */
const EDITION_MIN = 9_700;
const EDITION_MAX = 14_700;
/** Latest date an edition may carry, except one future edition in a few documents. */
const LAST_DATE = '2026-06-01';
const SAMPLE = 'Сгенерированный документ для замеров производительности.';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny 32-bit PRNG, good enough for test data and identical on every platform. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return (items.at(-1) as readonly [T, number])[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Nothing here may contain `{`, `}`, `<`, `|`, «приложени…», «п.»/«пункт»/«раздел»
// followed by a number, or a capital abbreviation followed by three digits: the checker reads those
// as references.

const TOPICS: ReadonlyArray<readonly [string, string]> = [
  // [title, genitive for «порядок …»]
  ['Управление несоответствиями', 'управления несоответствиями'],
  ['Внутренние аудиты системы менеджмента качества', 'проведения внутренних аудитов системы менеджмента качества'],
  ['Управление документированной информацией', 'управления документированной информацией'],
  ['Анализ системы менеджмента качества со стороны руководства', 'анализа системы менеджмента качества со стороны руководства'],
  ['Корректирующие действия', 'разработки и выполнения корректирующих действий'],
  ['Управление рисками и возможностями', 'управления рисками и возможностями'],
  ['Обработка обращений клиентов', 'обработки обращений клиентов'],
  ['Измерение удовлетворённости клиентов', 'измерения удовлетворённости клиентов'],
  ['Управление изменениями', 'управления изменениями процессов и услуг'],
  ['Оценка и выбор поставщиков', 'оценки и выбора внешних поставщиков'],
  ['Управление компетентностью персонала', 'управления компетентностью персонала'],
  ['Адаптация новых сотрудников', 'адаптации новых сотрудников'],
  ['Мониторинг качества услуг связи', 'мониторинга качества услуг связи'],
  ['Управление клиентским опытом', 'управления клиентским опытом'],
  ['Разработка и вывод на рынок новых продуктов', 'разработки и вывода на рынок новых продуктов'],
  ['Управление инфраструктурой сети', 'управления инфраструктурой сети'],
  ['Планирование целей в области качества', 'планирования целей в области качества'],
  ['Управление знаниями организации', 'управления знаниями организации'],
  ['Контроль выполнения поручений', 'контроля выполнения поручений'],
  ['Управление инцидентами', 'управления инцидентами'],
  ['Обслуживание клиентов в салонах связи', 'обслуживания клиентов в салонах связи'],
  ['Работа контакт-центра', 'организации работы контакт-центра'],
  ['Управление претензиями', 'рассмотрения претензий'],
  ['Проведение технических осмотров оборудования', 'проведения технических осмотров оборудования'],
  ['Управление договорной работой', 'управления договорной работой'],
  ['Разработка нормативных документов', 'разработки и согласования нормативных документов'],
  ['Оценка результативности процессов', 'оценки результативности процессов'],
  ['Управление проектами', 'управления проектами'],
  ['Управление цифровыми каналами обслуживания', 'управления цифровыми каналами обслуживания'],
  ['Контроль качества строительно-монтажных работ', 'контроля качества строительно-монтажных работ'],
  ['Обеспечение непрерывности деятельности', 'обеспечения непрерывности деятельности'],
  ['Управление показателями эффективности', 'управления ключевыми показателями эффективности'],
  ['Проведение опросов клиентов', 'проведения опросов клиентов'],
  ['Управление записями', 'управления записями'],
  ['Обучение и аттестация персонала', 'обучения и аттестации персонала'],
  ['Управление предложениями по улучшению', 'сбора и рассмотрения предложений по улучшению'],
  ['Контроль качества обслуживания абонентов', 'контроля качества обслуживания абонентов'],
  ['Управление тарифами и услугами', 'управления тарифами и услугами'],
  ['Проведение выездных проверок', 'проведения выездных проверок'],
  ['Управление измерительным оборудованием', 'управления измерительным оборудованием'],
  ['Взаимодействие с региональными филиалами', 'взаимодействия с региональными филиалами'],
  ['Приёмка работ подрядных организаций', 'приёмки работ подрядных организаций'],
  ['Управление коммуникациями', 'управления внутренними и внешними коммуникациями'],
  ['Планирование и контроль мощностей сети', 'планирования и контроля мощностей сети'],
  ['Обработка данных о качестве', 'сбора и обработки данных о качестве'],
];

const QUALIFIERS = [
  '',
  '',
  '',
  ' в Корпоративном центре',
  ' в региональных филиалах',
  ' в Блоке технологий',
  ' в розничной сети',
  ' в контакт-центре',
  ' в макрорегионах',
  ' при оказании услуг связи',
  ' в дочерних обществах',
  ' в цифровых каналах',
];

const SUBJECTS = [
  'Владелец процесса',
  'Руководитель структурного подразделения',
  'Департамент качества и клиентского опыта',
  'Ответственный исполнитель',
  'Координатор процесса',
  'Рабочая группа',
  'Комиссия по качеству',
  'Служба внутреннего контроля',
  'Менеджер по качеству',
  'Функциональный руководитель',
  'Профильное подразделение',
  'Методолог процесса',
  'Куратор направления',
  'Проектный офис',
  'Руководитель филиала',
  'Аналитический центр',
  'Отдел планирования',
  'Технический эксперт',
  'Ведущий специалист',
  'Уполномоченный сотрудник',
];

const VERBS = [
  'обеспечивает',
  'организует',
  'контролирует',
  'планирует',
  'согласовывает',
  'утверждает',
  'анализирует',
  'актуализирует',
  'документирует',
  'инициирует',
  'координирует',
  'проверяет',
  'оценивает',
  'формирует',
  'рассматривает',
  'пересматривает',
  'готовит',
  'направляет на согласование',
  'представляет',
  'доводит до сведения сотрудников',
];

const OBJECTS = [
  'выполнение требований настоящего документа',
  'порядок регистрации обращений клиентов',
  'план корректирующих мероприятий',
  'результаты мониторинга показателей процесса',
  'перечень рисков и возможностей',
  'реестр выявленных несоответствий',
  'программу внутренних аудитов',
  'ключевые показатели эффективности процесса',
  'отчёт о функционировании системы менеджмента качества',
  'матрицу ответственности',
  'график проведения проверок',
  'требования к квалификации персонала',
  'записи о результатах анализа',
  'предложения по улучшению процесса',
  'сведения о выполнении мероприятий',
  'паспорт процесса',
  'карту клиентского пути',
  'порядок взаимодействия подразделений',
  'методику оценки удовлетворённости клиентов',
  'бюджет мероприятий по качеству',
  'целевые значения показателей',
  'перечень контрольных точек',
  'сценарии обслуживания клиентов',
  'результаты опросов клиентов',
  'план обучения персонала',
  'требования к внешним поставщикам',
  'регламентные сроки выполнения работ',
  'описание входов и выходов процесса',
  'статистику повторных обращений',
  'данные о доступности услуг',
  'итоги анализа первопричин',
  'оценку результативности мер',
];

const CIRCUMSTANCES = [
  'в установленные сроки',
  'не реже одного раза в квартал',
  'по итогам отчётного периода',
  'с учётом результатов анализа рисков',
  'во взаимодействии с профильными подразделениями',
  'в рамках годового цикла планирования',
  'на основании данных мониторинга',
  'при изменении внешних и внутренних факторов',
  'в соответствии с утверждённым графиком',
  'до начала очередного этапа работ',
  'с использованием корпоративных информационных систем',
  'в течение пяти рабочих дней с момента получения информации',
  'ежемесячно',
  'по мере необходимости, но не реже одного раза в год',
  'после каждого существенного изменения процесса',
  'с привлечением экспертов смежных направлений',
  'в пределах выделенного бюджета',
  'по согласованию с заинтересованными сторонами',
  'с соблюдением требований информационной безопасности',
  'на каждом этапе жизненного цикла услуги',
];

const PURPOSES = [
  ' для обеспечения единообразия подходов во всех подразделениях',
  ' в целях повышения удовлетворённости клиентов',
  ', чтобы своевременно выявлять отклонения от плановых значений',
  ' для подтверждения результативности процесса',
  ' в целях снижения операционных рисков',
  ' для предотвращения повторного возникновения несоответствий',
  ', чтобы решения принимались на основе достоверных данных',
  ' для обеспечения прослеживаемости принятых решений',
  ' в целях сокращения сроков обслуживания',
  ' для согласованной работы всех участников процесса',
];

const PASSIVES: ReadonlyArray<readonly [string, string]> = [
  ['План мероприятий', 'утверждается руководителем направления'],
  ['Отчёт о результатах проверки', 'направляется владельцу процесса'],
  ['Перечень контрольных процедур', 'пересматривается'],
  ['Решение о проведении внеплановой проверки', 'принимается коллегиально'],
  ['Информация о выявленных отклонениях', 'фиксируется в информационной системе'],
  ['Сводный отчёт', 'формируется по единому шаблону'],
  ['Реестр рисков', 'актуализируется'],
  ['Оценка результативности', 'проводится по утверждённой методике'],
  ['Обращение клиента', 'регистрируется в момент поступления'],
  ['Состав рабочей группы', 'определяется распоряжением'],
  ['Результат анализа', 'доводится до всех участников процесса'],
  ['Запись о выполнении работ', 'хранится в электронном виде'],
  ['Методика расчёта показателей', 'согласовывается с финансовым блоком'],
  ['Годовой план', 'утверждается до начала календарного года'],
];

const PROBLEMS = [
  'несоответствия',
  'отклонения от целевого значения',
  'повторной жалобы клиента',
  'нарушения регламентного срока',
  'сбоя в работе информационной системы',
  'ошибки в расчётах',
  'замечания надзорного органа',
  'снижения уровня удовлетворённости',
];

const ACTIONS = [
  'проводит анализ первопричин и разрабатывает корректирующие действия',
  'информирует владельца процесса и фиксирует событие в реестре',
  'организует внеплановую проверку',
  'оценивает влияние на клиентов и принимает меры по устранению последствий',
  'инициирует пересмотр порядка выполнения работ',
  'направляет сведения в Департамент качества и клиентского опыта',
];

const STEPS = [
  'Регистрация входящей информации в информационной системе',
  'Первичный анализ и классификация',
  'Назначение ответственного исполнителя',
  'Сбор и проверка исходных данных',
  'Разработка проекта решения',
  'Согласование с заинтересованными подразделениями',
  'Утверждение результата',
  'Доведение результата до исполнителей',
  'Контроль выполнения и закрытие задачи',
  'Оценка результативности принятых мер',
  'Архивирование записей',
  'Подготовка сводного отчёта',
  'Планирование ресурсов',
  'Проведение проверки на месте',
  'Формирование перечня замечаний',
  'Информирование клиента о результате',
];

const BULLETS = [
  'полнота и достоверность исходных данных',
  'соблюдение регламентных сроков',
  'наличие согласований всех участников',
  'соответствие требованиям законодательства',
  'доступность информации для сотрудников',
  'прослеживаемость принятых решений',
  'своевременное информирование клиентов',
  'защита персональных данных',
  'актуальность используемых шаблонов',
  'обоснованность целевых значений',
  'результативность корректирующих действий',
  'обеспеченность процесса ресурсами',
  'компетентность исполнителей',
  'учёт мнения заинтересованных сторон',
  'сохранность записей',
  'непрерывность обслуживания',
];

const SUBSECTIONS = [
  'Планирование работ',
  'Подготовка исходных данных',
  'Выполнение работ',
  'Контроль выполнения',
  'Анализ результатов',
  'Оформление результатов',
  'Взаимодействие с клиентами',
  'Взаимодействие подразделений',
  'Управление сроками',
  'Эскалация отклонений',
  'Оценка эффективности',
  'Информирование сотрудников',
  'Пересмотр процесса',
  'Обучение исполнителей',
  'Работа с подрядчиками',
  'Использование информационных систем',
  'Хранение записей',
  'Отчётность',
  'Улучшение процесса',
  'Особые случаи',
  'Порядок согласования',
  'Требования к исполнителям',
];

const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  ['Владелец процесса', 'руководитель, отвечающий за результативность процесса и его ресурсы'],
  ['Несоответствие', 'невыполнение установленного требования'],
  ['Корректирующее действие', 'действие для устранения причины несоответствия и предупреждения его повторного возникновения'],
  ['Обращение', 'вопрос, жалоба или предложение клиента, поступившее по любому каналу'],
  ['Показатель процесса', 'измеряемая характеристика, по которой оценивается результативность процесса'],
  ['Запись', 'документ, содержащий достигнутые результаты или свидетельства осуществлённой деятельности'],
  ['Риск', 'влияние неопределённости на достижение целей'],
  ['Заинтересованная сторона', 'лицо или организация, которые могут влиять на решение или деятельность'],
  ['Клиентский путь', 'последовательность контактов клиента с Компанией при получении услуги'],
  ['Контрольная точка', 'этап процесса, на котором проверяется выполнение требований'],
  ['Эскалация', 'передача вопроса на вышестоящий уровень управления'],
  ['Результативность', 'степень реализации запланированной деятельности и достижения запланированных результатов'],
];

const RECORDS = [
  'Протокол совещания',
  'Отчёт о проверке',
  'Журнал регистрации обращений',
  'План корректирующих мероприятий',
  'Реестр рисков',
  'Акт приёмки работ',
  'Сводный отчёт о показателях',
  'Лист согласования',
  'Программа обучения',
  'Заключение эксперта',
];

const TERMS_RETENTION = ['1 год', '3 года', '5 лет', 'постоянно', 'до замены новой версией', '3 года после закрытия'];
const DEADLINES = ['1 рабочий день', '3 рабочих дня', '5 рабочих дней', '10 рабочих дней', 'ежемесячно', 'ежеквартально', 'до 15 числа'];
const RESULTS = ['Запись в системе', 'Согласованный план', 'Утверждённый отчёт', 'Протокол', 'Обновлённый реестр', 'Уведомление клиента'];

const POSITIONS = ['Директор департамента', 'Руководитель направления', 'Начальник отдела', 'Руководитель центра компетенций', 'Вице-президент'];

const GOALS = [
  'Установить единый порядок выполнения работ',
  'Определить ответственность участников процесса',
  'Обеспечить прослеживаемость решений',
  'Повысить удовлетворённость клиентов',
  'Снизить количество повторных обращений',
  'Установить требования к записям',
  'Определить показатели результативности процесса',
  'Обеспечить соответствие требованиям ISO 9001',
  'Сократить сроки обслуживания',
  'Определить порядок взаимодействия подразделений',
];

const CHANGES = [
  'Актуализированы требования к срокам выполнения работ',
  'Уточнён порядок взаимодействия подразделений',
  'Добавлены показатели результативности процесса',
  'Изменён состав ответственных за применение документа',
  'Учтены результаты внутреннего аудита',
  'Обновлены формы записей и порядок их хранения',
  'Уточнена область применения документа',
  'Учтены изменения организационной структуры',
  'Добавлены требования к цифровым каналам обслуживания',
];

const APPENDIX_TITLES = [
  'Форма плана мероприятий',
  'Шаблон отчёта о результатах',
  'Перечень контрольных точек процесса',
  'Матрица ответственности',
  'Форма журнала регистрации',
  'Схема процесса',
  'Перечень показателей и методика их расчёта',
  'Форма листа согласования',
  'Чек-лист проверки',
  'Форма акта',
  'Перечень записей и сроки хранения',
  'Шаблон протокола совещания',
];

const SCOPES = [
  'Все сотрудники ПАО «МТС»',
  'Сотрудники Корпоративного центра',
  'Сотрудники региональных филиалов',
  'Руководители структурных подразделений',
  'Сотрудники розничной сети',
];

// ---------------------------------------------------------------------------------------------
// Source data read from the real content root

interface Source {
  root: string;
  prefixes: string[];
  units: Array<{ id: string; name: string }>;
  roles: Array<{ id: string; forms: string[] }>;
  terms: Array<{ id: string; term: string }>;
  /** Standards other than ISO 9001:2015 that are in force: designation, title, clause numbers. */
  others: Array<{ designation: string; title: string; clauses: string[] }>;
  main: { designation: string; title: string; clauses: Array<{ number: string; title: string }> };
  /** Codes of the real documents, copied as they are. */
  realCodes: Set<string>;
  realFolders: string[];
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

function readSource(root: string): Source {
  const items = (name: string) => (readJson(path.join(root, 'registries', name)).items ?? []) as Array<Record<string, unknown>>;
  const standards = readdirSync(path.join(root, 'standards'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map(
      (name) =>
        readJson(path.join(root, 'standards', name)) as {
          id: string;
          designation: string;
          status: string;
          title: { ru: string };
          clauses: Array<{ number: string; ru: string }>;
        },
    );
  const main = standards.find((s) => s.id === 'iso-9001-2015');
  if (!main) throw new Error(`в ${root}/standards нет iso-9001-2015.json: генератору нужен каталог стандартов`);
  const realFolders = existsSync(path.join(root, 'documents')) ? readdirSync(path.join(root, 'documents')).sort() : [];
  const realCodes = new Set<string>();
  for (const folder of realFolders) {
    const editions = path.join(root, 'documents', folder, 'editions');
    if (!existsSync(editions)) continue;
    for (const name of readdirSync(editions)) {
      const code = /^code:\s*(\S+)/m.exec(readFileSync(path.join(editions, name), 'utf8'))?.[1];
      if (code) realCodes.add(code);
    }
  }
  return {
    root,
    prefixes: items('document-types.json').map((t) => String(t.prefix)),
    units: items('units.json').map((u) => ({ id: String(u.id), name: String(u.name) })),
    roles: items('roles.json').map((r) => ({ id: String(r.id), forms: (r.forms as string[] | undefined) ?? [String(r.name).toLowerCase()] })),
    terms: items('terms.json').map((t) => ({ id: String(t.id), term: String(t.term) })),
    others: standards
      .filter((s) => s.id !== main.id && s.status === 'current')
      .map((s) => ({ designation: s.designation, title: s.title.ru, clauses: s.clauses.map((c) => c.number) })),
    main: { designation: main.designation, title: main.title.ru, clauses: main.clauses.map((c) => ({ number: c.number, title: c.ru })) },
    realCodes,
    realFolders,
  };
}

// ---------------------------------------------------------------------------------------------
// Documents

interface AppendixPlan {
  number: number;
  title: string;
}

interface DocPlan {
  code: string;
  slug: string;
  prefix: string;
  title: string;
  topic: readonly [string, string];
  appendices: AppendixPlan[];
  editions: EditionPlan[];
}

interface Corpus {
  docs: DocPlan[];
  /** Every code prose may cite: generated and real, except cancelled documents (a rule forbids citing them). */
  codes: string[];
  /** Folders of generated documents that may be linked to. */
  linkable: Set<string>;
  titles: Map<string, string>;
}

const PREFIX_WEIGHTS: Record<string, number> = { ПР: 30, ИН: 20, РГ: 15, ПЛ: 12, СК: 10, РК: 8, ПТ: 5 };

function planCodes(random: Random, source: Source, count: number): string[] {
  const prefixes = source.prefixes.filter((p) => /^[А-ЯЁ]{1,4}$/.test(p));
  const free = new Map(
    prefixes.map((p) => [p, Array.from({ length: 999 }, (_, i) => i + 1).filter((n) => !source.realCodes.has(`${p}-${String(n).padStart(3, '0')}`))]),
  );
  const capacity = [...free.values()].reduce((sum, list) => sum + list.length, 0);
  if (count > capacity) throw new Error(`можно создать не больше ${capacity} документов: номера трёхзначные`);
  const codes: string[] = [];
  while (codes.length < count) {
    const open = prefixes.filter((p) => (free.get(p)?.length ?? 0) > 0);
    const prefix = random.weighted(open.map((p) => [p, PREFIX_WEIGHTS[p] ?? 5] as const));
    const list = free.get(prefix) as number[];
    const [number] = list.splice(random.int(0, list.length - 1), 1);
    codes.push(`${prefix}-${String(number).padStart(3, '0')}`);
  }
  return codes;
}

/** A YAML scalar: plain when safe, double-quoted (JSON syntax is valid YAML) otherwise. */
function yaml(value: string): string {
  return /^[\p{L}\p{N}«]/u.test(value) && !/: |:$| #|["'\[\]{}|>&*!%@`]/.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const ruDate = (date: string) => date.split('-').reverse().join('.');

/** Writes prose for one document; tracks which standard a bare clause number resolves to. */
class Writer {
  random: Random;
  source: Source;
  corpus: Corpus;
  doc: DocPlan;
  constructor(random: Random, source: Source, corpus: Corpus, doc: DocPlan) {
    this.random = random;
    this.source = source;
    this.corpus = corpus;
    this.doc = doc;
  }

  otherCode(): string {
    for (let i = 0; i < 5; i++) {
      const code = this.random.pick(this.corpus.codes);
      if (code !== this.doc.code) return code;
    }
    return this.corpus.codes.find((c) => c !== this.doc.code) ?? this.doc.code;
  }

  role(formIndex: number, capitalised = false): string {
    const role = this.random.pick(this.source.roles);
    const form = role.forms[Math.min(formIndex, role.forms.length - 1)] ?? role.id;
    return `<Role id="${role.id}">${capitalised ? capital(form) : form}</Role>`;
  }

  /** A clause of ISO 9001:2015, either bare («п. 7.5.3») or with the designation; `prep` after «в», `gen` after «с учётом». */
  clause(grammar: 'prep' | 'gen'): string {
    const clause = this.random.pick(this.source.main.clauses);
    const top = !clause.number.includes('.');
    const word = grammar === 'prep' ? (top ? 'разделе' : 'п.') : top ? 'раздела' : 'пункта';
    const full = this.random.chance(0.5) ? ` ${this.source.main.designation}` : '';
    const named = clause.title && this.random.chance(0.4) ? ` («${clause.title}»)` : '';
    return `${word} ${clause.number}${full}${named}`;
  }

  /** A sentence naming another standard; it ends on ISO 9001:2015, so bare clause numbers keep resolving to it. */
  otherStandard(): string {
    const other = this.random.pick(this.source.others);
    const clause = other.clauses.length && this.random.chance(0.5) ? `п. ${this.random.pick(other.clauses)} ` : '';
    return `${capital(this.random.pick(OBJECTS))} ${this.random.pick(['учитывает', 'опирается на'])} руководящие указания ${clause}${other.designation} «${other.title}» в дополнение к требованиям ${this.source.main.designation}.`;
  }

  codeRef(): string {
    const code = this.otherCode();
    const title = this.corpus.titles.get(code);
    const slug = codeSlug(code);
    const form = this.random.int(0, 5);
    if (form === 0 && title) return `${code} «${title}»`;
    if (form === 1 && this.corpus.linkable.has(slug)) return `[${code}](/nd/${slug}/)`;
    return code;
  }

  sentence(): string {
    const r = this.random;
    switch (r.int(0, 13)) {
      case 0:
      case 1:
        return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(CIRCUMSTANCES)}.`;
      case 2:
        return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}${r.pick(PURPOSES)}.`;
      case 3: {
        const [subject, predicate] = r.pick(PASSIVES);
        return `${subject} ${predicate} ${r.pick(CIRCUMSTANCES)}.`;
      }
      case 4:
        return `При выявлении ${r.pick(PROBLEMS)} ${r.pick(SUBJECTS).toLowerCase().replace('департамент качества и клиентского опыта', 'Департамент качества и клиентского опыта')} ${r.pick(ACTIONS)}.`;
      case 5:
        return `${capital(r.pick(OBJECTS))} ${r.pick(['определяется', 'устанавливается', 'регулируется'])} в соответствии с ${this.codeRef()}.`;
      case 6:
        return `Требования к процессу ${this.doc.topic[1]} ${r.pick(['установлены', 'определены', 'приведены'])} в ${this.clause('prep')}.`;
      case 7:
        return `${this.role(0, true)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(CIRCUMSTANCES)}.`;
      case 8: {
        const [verb, form] = r.pick([
          ['согласуется с', 3],
          ['предоставляется по запросу', 1],
          ['рассматривается совместно с', 3],
        ] as const);
        return `${capital(r.pick(OBJECTS))} ${verb} ${this.role(form)} ${r.pick(CIRCUMSTANCES)}.`;
      }
      case 9:
        return `Порядок ${this.doc.topic[1]} ${r.pick(['учитывает требования', 'согласован с положениями'])} ${this.codeRef()} с учётом ${this.clause('gen')}.`;
      case 10:
        return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} и ${r.pick(['информирует', 'уведомляет'])} ${this.role(1)} о результатах ${r.pick(CIRCUMSTANCES)}.`;
      case 11: {
        const term = this.random.pick(this.source.terms);
        return `Результаты ${r.pick(['анализа', 'проверки', 'мониторинга'])} используются для улучшения <Term id="${term.id}">${term.term}</Term>${r.pick(PURPOSES)}.`;
      }
      case 12:
        return `${capital(r.pick(CIRCUMSTANCES))} ${r
          .pick(SUBJECTS)
          .replace(/^./, (c) => c.toLowerCase())
          .replace('департамент качества', 'Департамент качества')} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
      default:
        return `Ответственность за ${r.pick(OBJECTS)} несёт ${r.pick(SUBJECTS).toLowerCase().replace('департамент качества и клиентского опыта', 'Департамент качества и клиентского опыта')}.`;
    }
  }

  paragraph(min = 2, max = 5): string {
    return Array.from({ length: this.random.int(min, max) }, () => this.sentence()).join(' ');
  }

  bullets(): string {
    const items = this.random.sample(BULLETS, this.random.int(3, 6));
    return `${capital(this.random.pick(['при выполнении работ контролируются', 'проверке подлежат', 'обязательными условиями являются']))}:\n\n${items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : ';'}`).join('\n')}`;
  }

  steps(): string {
    const items = this.random.sample(STEPS, this.random.int(3, 7));
    return `Работы выполняются в следующем порядке:\n\n${items.map((item, i) => `${i + 1}. ${item}.`).join('\n')}`;
  }

  table(): string {
    const r = this.random;
    const rows = r.sample(STEPS, r.int(3, 6));
    const lines = rows.map((step) => `| ${step} | ${r.pick(SUBJECTS)} | ${r.pick(DEADLINES)} | ${r.pick(RESULTS)} |`);
    return `| Этап | Ответственный | Срок | Результат |\n| --- | --- | --- | --- |\n${lines.join('\n')}`;
  }

  glossaryTable(): string {
    const rows = this.random.sample(GLOSSARY, this.random.int(3, 6));
    return `| Термин | Определение |\n| --- | --- |\n${rows.map(([term, text]) => `| ${term} | ${capital(text)} |`).join('\n')}`;
  }

  recordsTable(): string {
    const rows = this.random.sample(RECORDS, this.random.int(3, 5));
    return `| Запись | Ответственный за хранение | Срок хранения |\n| --- | --- | --- |\n${rows.map((rec) => `| ${rec} | ${this.random.pick(SUBJECTS)} | ${this.random.pick(TERMS_RETENTION)} |`).join('\n')}`;
  }

  /** One block of the process description. */
  block(): string {
    const kind = this.random.weighted([
      ['p', 6],
      ['bullets', 1.2],
      ['steps', 1.2],
      ['table', 0.8],
      ['other', 0.5],
    ] as const);
    if (kind === 'bullets') return this.bullets();
    if (kind === 'steps') return this.steps();
    if (kind === 'table') return `${this.paragraph(1, 2)}\n\n${this.table()}`;
    if (kind === 'other') return `${this.paragraph(1, 2)} ${this.otherStandard()}`;
    return this.paragraph();
  }

  appendixMention(): string | undefined {
    if (this.doc.appendices.length === 0) return undefined;
    const appendix = this.random.pick(this.doc.appendices);
    return this.random.chance(0.5)
      ? `Форма записи приведена в Приложении ${appendix.number} «${appendix.title}».`
      : `Результаты оформляются по форме Приложения ${appendix.number}.`;
  }

  subsection(): Subsection {
    const blocks = Array.from({ length: this.random.int(1, 3) }, () => this.block());
    const mention = this.random.chance(0.25) ? this.appendixMention() : undefined;
    if (mention) blocks.push(mention);
    return { title: this.random.pick(SUBSECTIONS), blocks };
  }
}

interface Subsection {
  title: string;
  blocks: string[];
}

interface Section {
  title: string;
  blocks: string[];
  subs: Subsection[];
}

/** The body of an edition as data, so a later edition can change parts of it. */
interface Body {
  sections: Section[];
  /** Index of the section that grows or shrinks to fit the size window. */
  process: number;
}

function render(body: Body): string {
  const out: string[] = [];
  body.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${section.title}`, ...section.blocks);
    section.subs.forEach((sub, j) => out.push(`### ${i + 1}.${j + 1}. ${sub.title}`, ...sub.blocks));
  });
  return `${out.join('\n\n')}\n`;
}

function firstBody(w: Writer): Body {
  const r = w.random;
  const { doc, source } = w;
  const sections: Section[] = [];
  sections.push({
    title: 'Общие положения',
    blocks: [],
    subs: [
      { title: 'Назначение', blocks: [`Настоящий документ устанавливает порядок ${doc.topic[1]} в ПАО «МТС». ${w.paragraph(2, 3)}`] },
      {
        title: 'Область применения',
        blocks: [
          `Требования документа распространяются на ${r.pick(['все структурные подразделения Компании', 'подразделения Корпоративного центра и региональные филиалы', 'сотрудников, участвующих в процессе'])}. ${w.paragraph(1, 3)}`,
        ],
      },
    ],
  });
  const others = r.sample(source.others, r.int(1, 2));
  const related = Array.from({ length: r.int(1, 3) }, () => w.codeRef());
  sections.push({
    title: 'Нормативные ссылки',
    blocks: [
      'В настоящем документе использованы ссылки на следующие документы:',
      [
        `- ${source.main.designation} «${source.main.title}»;`,
        ...others.map((o) => `- ${o.designation} «${o.title}»;`),
        ...related.map((code, i) => `- ${code}${i === related.length - 1 ? '.' : ';'}`),
      ].join('\n'),
      `Основные требования к процессу ${doc.topic[1]} установлены ${source.main.designation}.`,
    ],
    subs: [],
  });
  sections.push({
    title: 'Термины и сокращения',
    blocks: ['В настоящем документе применяются следующие термины и определения:', w.glossaryTable(), w.paragraph(1, 2)],
    subs: [],
  });
  sections.push({
    title: 'Ответственность',
    blocks: [
      w.paragraph(2, 3),
      `${w.role(0, true)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}, а ${w.role(0)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(CIRCUMSTANCES)}.`,
      w.table(),
    ],
    subs: [],
  });
  sections.push({ title: `Порядок ${doc.topic[1]}`, blocks: [w.paragraph(1, 2)], subs: [] });
  sections.push({ title: 'Контроль и отчётность', blocks: [w.paragraph(2, 4), w.bullets()], subs: [] });
  sections.push({
    title: 'Записи',
    blocks: [
      'Записи, формируемые при выполнении процесса, хранятся в соответствии с требованиями к управлению документированной информацией:',
      w.recordsTable(),
    ],
    subs: [],
  });
  if (doc.appendices.length) {
    sections.push({
      title: 'Приложения',
      blocks: [doc.appendices.map((a, i) => `- Приложение ${a.number} «${a.title}»${i === doc.appendices.length - 1 ? '.' : ';'}`).join('\n')],
      subs: [],
    });
  }
  return { sections, process: 4 };
}

function fit(w: Writer, body: Body, frontmatter: string, target: number): void {
  const size = () => Buffer.byteLength(frontmatter) + Buffer.byteLength(render(body));
  const subs = (body.sections[body.process] as Section).subs;
  while (size() < target) subs.push(w.subsection());
  while (size() > EDITION_MAX && subs.length > 1) subs.splice(w.random.int(0, subs.length - 1), 1);
  for (let guard = 0; size() < EDITION_MIN && guard < 50; guard++) subs.push({ title: w.random.pick(SUBSECTIONS), blocks: [w.paragraph(1, 2)] });
  for (let guard = 0; size() > EDITION_MAX && guard < 50; guard++) {
    const last = subs.at(-1) as Subsection;
    if (last.blocks.length > 1) last.blocks.pop();
    else subs.pop();
  }
}

/** The next edition: some paragraphs rewritten, subsections added and removed, a table changed. */
function nextBody(w: Writer, previous: Body): Body {
  const r = w.random;
  const body: Body = structuredClone(previous);
  const process = body.sections[body.process] as Section;
  for (const sub of process.subs) {
    sub.blocks = sub.blocks.map((block) => (r.chance(0.2) ? w.block() : block));
  }
  for (let i = r.int(0, 1); i > 0 && process.subs.length > 1; i--) process.subs.splice(r.int(0, process.subs.length - 1), 1);
  for (let i = r.int(1, 2); i > 0; i--) process.subs.splice(r.int(0, process.subs.length), 0, w.subsection());
  const responsibility = body.sections[3] as Section;
  responsibility.blocks[responsibility.blocks.length - 1] = w.table();
  const control = body.sections[5] as Section;
  control.blocks[0] = w.paragraph(2, 4);
  return body;
}

interface EditionPlan {
  version: string;
  status: 'проект' | 'утверждена' | 'отменена';
  approved?: string;
  effective?: string;
  changes: string;
  cancelled?: { date: string; act: string; replacedBy?: string };
}

/** Dates and statuses of a document's editions; a cancelled document gets its successor later. */
function planEditions(r: Random): EditionPlan[] {
  const count = r.weighted([
    [1, 45],
    [2, 35],
    [3, 20],
  ] as const);
  const editions: EditionPlan[] = [];
  let approved = addDays('2014-01-01', r.int(0, 365 * 9));
  for (let i = 0; i < count; i++) {
    if (i > 0) approved = addDays(approved, r.int(200, 900));
    const effective = addDays(approved, r.int(0, 60));
    if (effective > LAST_DATE) break;
    editions.push({
      version: `${i + 1}.0`,
      status: 'утверждена',
      approved,
      effective,
      changes: i === 0 ? 'Первая редакция документа.' : `${r.pick(CHANGES)}.`,
    });
  }
  const last = editions.at(-1) as EditionPlan;
  const roll = r.next();
  if (roll < 0.03) {
    // A future edition: approved, effective after the last date.
    const futureApproved = addDays(LAST_DATE, -r.int(0, 60));
    if (futureApproved > (last.effective ?? '')) {
      editions.push({
        version: `${editions.length + 1}.0`,
        status: 'утверждена',
        approved: futureApproved,
        effective: addDays(LAST_DATE, r.int(30, 200)),
        changes: `${r.pick(CHANGES)}.`,
      });
    }
  } else if (roll < 0.07) {
    editions.push({ version: `${editions.length + 1}.0`, status: 'проект', changes: `${r.pick(CHANGES)}.` });
  } else if (roll < 0.09) {
    const date = addDays(last.effective ?? '2020-01-01', r.int(100, 600));
    if (date <= LAST_DATE) {
      last.status = 'отменена';
      last.cancelled = { date, act: `Приказ № ${r.int(1, 400)} от ${ruDate(date)}` };
    }
  }
  return editions;
}

function frontmatter(w: Writer, edition: EditionPlan, previous: string | undefined): string {
  const r = w.random;
  const { doc, source } = w;
  const lines = ['---', `code: ${doc.code}`, `title: ${yaml(doc.title)}`, `version: "${edition.version}"`, `status: ${edition.status}`];
  if (edition.approved) lines.push(`approved: ${edition.approved}`);
  if (edition.effective) lines.push(`effective: ${edition.effective}`);
  if (edition.approved) lines.push(`act: ${yaml(`Приказ № ${r.int(1, 400)} от ${ruDate(edition.approved)}`)}`);
  lines.push(`changes: ${yaml(edition.changes)}`);
  if (edition.cancelled) {
    lines.push('cancelled:', `  date: ${edition.cancelled.date}`, `  act: ${yaml(edition.cancelled.act)}`);
    if (edition.cancelled.replacedBy) lines.push(`  replacedBy: ${edition.cancelled.replacedBy}`);
  }
  lines.push(`access: ${r.chance(0.1) ? 'internal' : 'public'}`, `sample: "${SAMPLE}"`);
  if (previous) return [...lines, previous].join('\n');
  const units = source.units;
  const unit = r.pick(units).id;
  const passport = [
    'passport:',
    '  goals:',
    ...r.sample(GOALS, r.int(2, 4)).map((g) => `    - ${yaml(g)}`),
    `  summary: ${yaml(`Настоящий документ устанавливает порядок ${doc.topic[1]}, распределяет ответственность участников и определяет записи, подтверждающие выполнение требований.`)}`,
    '  responsibleForApplication:',
    `    unit: ${unit}`,
    `    position: ${yaml(r.pick(POSITIONS))}`,
    '  responsibleForDevelopment:',
    `    unit: ${r.chance(0.7) ? unit : r.pick(units).id}`,
    '  scope:',
    ...r.sample(SCOPES, r.int(1, 3)).flatMap((s) => [`    - name: ${yaml(s)}`, `      adaptation: ${r.chance(0.1)}`]),
    'references:',
    `  - cite: ${yaml(source.main.designation)}`,
    `    title: ${yaml(source.main.title)}`,
    ...r.sample(source.others, r.int(0, 2)).flatMap((o) => [`  - cite: ${yaml(o.designation)}`, `    title: ${yaml(o.title)}`]),
    ...Array.from({ length: r.int(0, 2) }, () => w.otherCode())
      .filter((c, i, all) => all.indexOf(c) === i)
      .flatMap((code) => [`  - cite: ${code}`, `    title: ${yaml(w.corpus.titles.get(code) ?? code)}`]),
    '---',
  ];
  return [...lines, ...passport].join('\n');
}

function appendixText(w: Writer, appendix: AppendixPlan): string {
  const r = w.random;
  const rows = Array.from({ length: r.int(4, 9) }, (_, i) => `| ${i + 1} | ${r.pick(STEPS)} | ${r.pick(SUBJECTS)} | ${r.pick(DEADLINES)} |`);
  const parts = [
    '---',
    `number: ${appendix.number}`,
    `title: ${yaml(appendix.title)}`,
    `sample: "${SAMPLE}"`,
    '---',
    '',
    `${w.paragraph(1, 3)}`,
    '',
    '| № | Наименование | Ответственный | Срок |\n| --- | --- | --- | --- |\n' + rows.join('\n'),
    '',
    r.chance(0.5) ? w.bullets() : w.paragraph(1, 2),
    '',
  ];
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------

function defaultSource(): string {
  try {
    const raw = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'nd.config.json'), 'utf8')) as { contentRoot?: string };
    return path.resolve(PROJECT_ROOT, raw.contentRoot ?? 'content');
  } catch {
    return path.join(PROJECT_ROOT, 'content');
  }
}

function prepareOut(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(path.join(out, MARKER))) throw new Error(`папка ${out} не пуста и создана не генератором: укажите новую папку`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

/** Generates a corpus; see the file comment. */
export function generateCorpus(options: GenerateOptions): GenerateResult {
  const { docs: count, seed = 1 } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error('--docs ожидает целое число больше нуля');
  const out = path.resolve(options.out);
  const sourceRoot = path.resolve(options.source ?? defaultSource());
  const source = readSource(sourceRoot);
  if (source.roles.length === 0 || source.units.length === 0) throw new Error(`в ${sourceRoot}/registries нет ролей или подразделений`);
  prepareOut(out);

  const random = new Random(seed);
  const codes = planCodes(random, source, count);
  const docs: DocPlan[] = codes.map((code) => {
    const prefix = code.split('-')[0] as string;
    const topic = random.pick(TOPICS);
    const appendixCount = random.weighted([
      [0, 35],
      [1, 35],
      [2, 20],
      [3, 10],
    ] as const);
    const titles = random.sample(APPENDIX_TITLES, appendixCount);
    return {
      code,
      slug: codeSlug(code),
      prefix,
      topic,
      title: `${topic[0]}${random.pick(QUALIFIERS)}`,
      appendices: titles.map((title, i) => ({ number: i + 1, title })),
      editions: planEditions(random),
    };
  });
  const live = docs.filter((d) => d.editions.at(-1)?.status !== 'отменена');
  for (const doc of docs) {
    const cancelled = doc.editions.at(-1)?.cancelled;
    if (cancelled && live.length && random.chance(0.6)) cancelled.replacedBy = random.pick(live).code;
  }
  const corpus: Corpus = {
    docs,
    codes: [...live.map((d) => d.code), ...source.realCodes],
    linkable: new Set(live.map((d) => d.slug)),
    titles: new Map(docs.map((d) => [d.code, d.title])),
  };

  for (const dir of ['registries', 'standards']) cpSync(path.join(sourceRoot, dir), path.join(out, dir), { recursive: true });
  for (const folder of source.realFolders) cpSync(path.join(sourceRoot, 'documents', folder), path.join(out, 'documents', folder), { recursive: true });

  let editions = 0;
  let appendices = 0;
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(out, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  };
  for (const doc of docs) {
    const w = new Writer(random, source, corpus, doc);
    const plans = doc.editions;
    let body: Body | undefined;
    let passport: string | undefined;
    for (const plan of plans) {
      body = body ? nextBody(w, body) : firstBody(w);
      const head = frontmatter(w, plan, passport);
      // Later editions keep the passport and references of the first one.
      passport ??= head.slice(head.indexOf('\npassport:') + 1);
      const fm = `${head}\n\n`;
      fit(w, body, fm, random.int(EDITION_MIN, EDITION_MAX - 1_500));
      write(contentPaths.edition(doc.slug, plan.version), fm + render(body));
      editions++;
    }
    for (const appendix of doc.appendices) {
      write(contentPaths.appendix(doc.slug, appendix.number), appendixText(w, appendix));
      appendices++;
    }
  }
  writeFileSync(path.join(out, MARKER), `${JSON.stringify({ docs: count, seed })}\n`);
  return { out, documents: docs.length, editions, appendices, copied: source.realFolders.length, bytes };
}

function main() {
  const usage = 'Использование: npm run generate -- --docs N [--seed S] --out ПАПКА [--source content]';
  let values;
  try {
    ({ values } = parseArgs({
      options: { docs: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, source: { type: 'string' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  const docs = Number(values.docs);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(docs) || docs < 1 || !Number.isInteger(seed)) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const result = generateCorpus({ docs, seed, out: values.out, ...(values.source ? { source: values.source } : {}) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `корпус: документов ${result.documents} (+${result.copied} из ${path.relative(process.cwd(), defaultSource()) || '.'}), редакций ${result.editions}, приложений ${result.appendices}, ${(result.bytes / 1e6).toFixed(1)} МБ за ${seconds} с → ${result.out}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`Генерация не выполнена: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
