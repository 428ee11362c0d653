import {
  AlignmentType,
  CheckBox,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * A Word document shaped like the old portal's: a passport table, numbered multi-level headings and
 * list, a roles table, page header and footer, a table long enough to span pages, a check-box list.
 */
export interface DocxFixture {
  code: string;
  title: string;
  unit?: string;
  access?: string;
  longRows?: number;
}

const cell = (text: string, bold = false) =>
  new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });

export async function docxFixture(f: DocxFixture): Promise<Buffer> {
  const checkbox = (text: string) => new Paragraph({ children: [new CheckBox({ checked: false }), new TextRun(` ${text}`)] });
  const passport = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(
        cell('Ответственный за применение НД', true),
        cell(`Корпоративный центр Группы МТС Блок Маркетинга ${f.unit ?? 'Департамент качества и клиентского опыта'} Директор департамента`),
      ),
      row(cell('Ответственный за разработку НД', true), cell(f.unit ?? 'Департамент качества и клиентского опыта')),
      row(
        cell('Цель документа', true),
        new TableCell({ children: [checkbox('Установить порядок работы с обращениями'), checkbox('Сократить сроки ответа клиенту')] }),
      ),
      row(cell('Краткое описание документа', true), cell('Настоящий Регламент определяет порядок работы с обращениями клиентов')),
      row(cell('Ограничение доступа', true), cell(f.access ?? 'нет')),
    ],
  });
  const roles = new Table({
    rows: [
      row(cell('Наименование роли', true), cell('Определение роли', true)),
      row(
        cell('Аудитор'),
        cell(
          'Сотрудник ПАО «МТС», обладающий компетентностью для проведения аудита на основании полученного внешнего обучения (курсы, семинары, тренинги). Участие в аудите согласовано с непосредственным руководителем. Перечень личностных качеств, общие знания и навыки, которыми должен обладать аудитор, приведены в ISO 19011.',
        ),
      ),
      row(cell('Оператор обращений'), cell('Сотрудник, который регистрирует обращение клиента и отвечает на него.')),
    ],
  });
  const long = new Table({
    rows: [
      new TableRow({ tableHeader: true, children: [cell('№', true), cell('Показатель', true)] }),
      ...Array.from({ length: f.longRows ?? 60 }, (_, i) =>
        row(cell(String(i + 1)), cell(`Показатель качества номер ${i + 1}: доля обращений, решённых с первого контакта`)),
      ),
    ],
  });
  const references = new Table({
    rows: [
      row(cell('№ п/п', true), cell('Наименование документа', true)),
      row(cell('1'), cell('ISO 9001:2015 «Системы менеджмента качества. Требования»')),
      row(cell('2'), cell('ПТ-035 «Политика МТС в области качества и управления клиентским опытом»')),
    ],
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START })),
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(`Регламент «${f.title}» ${f.code} — Для неограниченного доступа`)] }) },
        footers: {
          default: new Footer({ children: [new Paragraph({ children: [new TextRun('Страница '), new TextRun({ children: [PageNumber.CURRENT] })] })] }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: `Регламент «${f.title}» ${f.code}` }),
          passport,
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'ОТВЕТСТВЕННОСТЬ И ОБЛАСТЬ ПРИМЕНЕНИЯ' }),
          new Paragraph('Настоящий документ регламентирует деятельность следующих подразделений и должностных лиц, включая исполняющих роли:'),
          new Table({
            rows: [row(cell('Наименование подразделения/должности/роли', true)), row(cell('Департамент клиентского сервиса')), row(cell('Контакт-центр*'))],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: '1. ОБЩИЕ ПОЛОЖЕНИЯ' }),
          new Paragraph('Настоящий Регламент устанавливает порядок работы с обращениями клиентов в соответствии с ISO 9001:2015.'),
          new Paragraph({ heading: HeadingLevel.HEADING_3, text: '1.1. Термины и роли' }),
          roles,
          new Paragraph({ heading: HeadingLevel.HEADING_3, text: '1.2. Порядок работы' }),
          ...['Принять обращение', 'Зарегистрировать обращение', 'Ответить клиенту'].map(
            (text, i) => new Paragraph({ text, numbering: { reference: 'steps', level: i === 1 ? 1 : 0 } }),
          ),
          new Paragraph('Проверьте перед отправкой ответа:'),
          checkbox('ответ содержит решение'),
          checkbox('ответ отправлен в срок'),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: '2. ПОКАЗАТЕЛИ' }),
          long,
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: '3. НОРМАТИВНЫЕ ССЫЛКИ' }),
          references,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
