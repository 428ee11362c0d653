/**
 * Every rule id, its default severity and what it guards. The one place rule ids live;
 * configuration (`nd.config.json` → `rules`) may change a severity or turn a rule off.
 */
export type Severity = 'error' | 'warning';

export const RULES = {
  'syntax/file': { severity: 'error', about: 'файл читается: UTF-8, не пустой, не двоичный, не больше 5 МБ' },
  'syntax/yaml': { severity: 'error', about: 'свойства (frontmatter) — правильный YAML' },
  'syntax/frontmatter': { severity: 'error', about: 'у MDX-файла есть блок свойств' },
  'syntax/mdx': { severity: 'error', about: 'текст — правильный MDX' },
  'syntax/json': { severity: 'error', about: 'данные — правильный JSON' },
  'schema/invalid': { severity: 'error', about: 'свойства и данные соответствуют схеме' },
  'schema/ref': { severity: 'warning', about: 'JSON-файл называет свою схему в $schema' },
  'content/unknown-file': { severity: 'error', about: 'каждый файл лежит там, где его найдёт сборка' },
  'doc/code-folder': { severity: 'error', about: 'папка документа — транслитерация его кода' },
  'doc/code-consistent': { severity: 'error', about: 'все редакции документа имеют один код' },
  'doc/duplicate-code': { severity: 'error', about: 'код документа уникален' },
  'doc/duplicate-version': { severity: 'error', about: 'номер редакции уникален в документе' },
  'doc/unknown-type': { severity: 'error', about: 'префикс кода есть в реестре видов документов' },
  'doc/duplicate-appendix': { severity: 'error', about: 'номер приложения уникален в документе' },
  'doc/no-edition': { severity: 'error', about: 'у документа есть хотя бы одна редакция' },
  'registry/duplicate-id': { severity: 'error', about: 'идентификаторы в реестрах уникальны' },
  'registry/unknown-parent': { severity: 'error', about: 'вышестоящее подразделение существует' },
  'registry/role-defined-once': { severity: 'error', about: 'роль определена один раз, в существующем документе' },
  'standard/clause-tree': { severity: 'error', about: 'пункты стандарта уникальны и имеют родителя' },
  'ref/unknown-code': { severity: 'error', about: 'код документа в тексте существует' },
  'ref/latin-code': { severity: 'error', about: 'код документа написан кириллицей' },
  'ref/unknown-standard': { severity: 'error', about: 'стандарт есть в каталоге' },
  'ref/unknown-clause': { severity: 'error', about: 'пункт стандарта существует' },
  'ref/withdrawn-standard': { severity: 'warning', about: 'ссылка не на отменённое издание стандарта' },
  'ref/unknown-appendix': { severity: 'error', about: 'приложение с таким номером существует' },
  'ref/appendix-title': { severity: 'error', about: 'название приложения в кавычках совпадает с настоящим' },
  'ref/unknown-role': { severity: 'error', about: 'роль или термин определены в реестре' },
  'ref/unknown-unit': { severity: 'error', about: 'подразделение есть в реестре' },
  'ref/unknown-access': { severity: 'error', about: 'уровень доступа есть в реестре' },
  'ref/broken-link': { severity: 'error', about: 'внутренняя ссылка ведёт на существующую страницу и якорь' },
  'mdx/forbidden-code': { severity: 'error', about: 'MDX не выполняет код: импорт только компонентов содержимого, без экспорта и выражений {…}, без <script>, обработчиков on*, style и javascript:-адресов' },
  'edition/one-in-force': { severity: 'error', about: 'на дату сборки действует не больше одной редакции документа' },
  'edition/order': { severity: 'error', about: 'номера и даты редакций растут: более поздняя редакция утверждена и введена позже; после отмены новых редакций нет' },
  'edition/effective-after-approval': { severity: 'error', about: 'дата введения в действие не раньше даты утверждения' },
  'edition/status': { severity: 'error', about: 'статус редакции согласован с датами и блоком отмены' },
  'edition/cites-cancelled': { severity: 'error', about: 'действующий документ не ссылается на отменённый' },
  'edition/replacement': { severity: 'error', about: 'отменённый документ заменён существующим другим документом, без круговых замен' },
  'audit/unknown-ref': { severity: 'error', about: 'аудит, находка и план, названные в записи аудита, существуют' },
  'audit/plan-in-program': { severity: 'error', about: 'даты плана аудита лежат в периоде его программы' },
  'audit/independence': { severity: 'error', about: 'аудитор не проверяет своё подразделение' },
  'audit/team-in-registry': { severity: 'error', about: 'члены группы аудита есть в реестре аудиторов с ролью «Аудитор»' },
  'audit/team-leader-role': { severity: 'error', about: 'руководитель группы аудита имеет роль «Руководитель группы аудита» и назначен программой' },
  'audit/finding-requirement': { severity: 'error', about: 'каждая находка аудита названа по требованию: пункт ISO или документ' },
  'audit/nonconformity-action': { severity: 'error', about: 'у каждого несоответствия есть корректирующее мероприятие со сроком после находки' },
  'audit/overdue-action': { severity: 'warning', about: 'мероприятия не просрочены' },
  'audit/clause-coverage': { severity: 'error', about: 'программа аудитов охватывает все пункты ISO 9001:2015 разделов 4–10' },
  'quality/requirement-refs': { severity: 'error', about: 'требование стандарта качества ссылается на существующие пункты ISO 9001:2015 разделов 4–10' },
  'quality/qms-map-coverage': { severity: 'warning', about: 'карта СМК (приложение 1) охватывает все пункты ISO 9001:2015 разделов 4–10' },
} as const satisfies Record<string, { severity: Severity; about: string }>;

export type RuleId = keyof typeof RULES;

export const isRuleId = (id: string): id is RuleId => Object.hasOwn(RULES, id);
