import { z } from 'zod';
import { documentCode, sampleMark, schemaRef, slugId, text } from './common.ts';

/** A clause number of ISO 9001:2015 as written in QMS records: `9.2`, `8.5.1`. */
export const clauseNumber = () =>
  z
    .string()
    .regex(/^\d+(?:\.\d+)*$/, { error: 'номер пункта ISO — числа через точку, например 9.2 или 8.5.1' })
    .describe('Номер пункта ISO 9001:2015, например 9.2 или 8.5.1.');

/** A person named by position (and, in sample data, an obviously invented name) in a unit. */
export const person = z
  .object({
    name: text().optional().describe('Фамилия и инициалы; в примерах — заведомо вымышленные («Ответственный Г. Пробный»).'),
    position: text().describe('Должность.'),
    unit: slugId().describe('Подразделение из реестра content/registries/units.json.'),
  })
  .strict();

const qmsDocument = z
  .object({
    code: documentCode().describe('Код нормативного документа, например ПТ-035.'),
    appendix: z.int().min(1).optional().describe('Номер приложения документа, если пункт раскрыт в приложении.'),
    section: text().optional().describe('Раздел документа, например «2. Система менеджмента качества».'),
  })
  .strict();

/** One row of Appendix 1: which process and which document cover a clause of ISO 9001:2015. */
export const qmsMapRow = z
  .object({
    clause: clauseNumber().describe('Пункт ISO 9001:2015 (раздел или подраздел 4–10); раздел («8») покрывает все свои подразделы.'),
    processes: z.array(text()).min(1, { error: 'укажите хотя бы один процесс' }).describe('Процессы СМК, которые выполняют требования пункта.'),
    owner: slugId().describe('Подразделение — владелец процессов, из реестра подразделений.'),
    documents: z.array(qmsDocument).min(1, { error: 'укажите хотя бы один документ' }).describe('Документы, которые описывают выполнение пункта.'),
    records: z.array(text()).default([]).describe('Записи — свидетельства выполнения (программа аудитов, протоколы, отчёты).'),
  })
  .strict();

/** `quality/qms-map.json`: Appendix 1 «Руководство по системе менеджмента качества» as data. */
export const qmsMap = z
  .object({
    $schema: schemaRef(),
    title: text().describe('Заголовок карты, как он показывается над таблицей.'),
    rows: z.array(qmsMapRow).min(1).describe('Пункты ISO 9001:2015 и то, чем они покрыты в Компании.'),
    sample: sampleMark(),
  })
  .strict();

export type Person = z.infer<typeof person>;
export type QmsMap = z.infer<typeof qmsMap>;
export type QmsMapRow = z.infer<typeof qmsMapRow>;
