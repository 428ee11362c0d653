import { z } from 'zod';
import { documentCode, isoDate, sampleMark, slugId, text } from './common.ts';

/** Who answers for the document: a unit of the registry and, optionally, a position in it. */
const responsible = z
  .object({
    unit: slugId().describe('Подразделение из реестра content/registries/units.json.'),
    position: text().optional().describe('Должность, например «Директор департамента».'),
  })
  .strict();

export const passport = z
  .object({
    goals: z.array(text()).min(1, { error: 'укажите хотя бы одну цель документа' }).describe('Цели документа.'),
    summary: text().describe('Краткое описание документа.'),
    responsibleForApplication: responsible.describe('Ответственный за применение НД.'),
    responsibleForDevelopment: responsible.describe('Ответственный за разработку НД.'),
    scope: z
      .array(
        z
          .object({
            name: text().describe('Подразделение, должность или роль.'),
            adaptation: z.boolean().default(false).describe('Для внедрения НД необходима адаптация (сноска «*»).'),
          })
          .strict(),
      )
      .min(1, { error: 'укажите область применения: хотя бы одно подразделение, должность или роль' }),
  })
  .strict();

/**
 * Status as typed by the author. Whether an edition is in force, replaced or still to come is
 * computed from the dates at the build's date — never typed.
 */
export const typedStatus = z
  .enum(['проект', 'утверждена', 'отменена'])
  .describe('проект — не утверждена; утверждена — вступает в силу с даты effective; отменена — см. cancelled.');

/** What a policy edition defines for others to cite by id: a principle, a strategy's or a CX direction. */
export const PRINCIPLE_GROUPS = ['principle', 'strategy', 'cx-direction'] as const;

export const principle = z
  .object({
    id: slugId().describe('Постоянный идентификатор, которым его называют стандарты качества и записи: simple-communication.'),
    group: z.enum(PRINCIPLE_GROUPS).describe('principle — принцип взаимодействия с клиентом; strategy — направление стратегии 3D; cx-direction — направление стратегии управления клиентским опытом.'),
    title: text().describe('Формулировка в этой редакции, как в тексте: «Простое общение».'),
    text: text().optional().describe('Продолжение фразы после формулировки, как в тексте: «, когда любая коммуникация… своевременна.»'),
  })
  .strict();

/**
 * «Лист ознакомления»: whom an edition concerns and by when they confirm they have read it. An employee
 * is concerned when their unit is one of `units` or lies under one of them (units.json's parents), or
 * when they hold one of `roles`. The acknowledgement service (src/ack/) keeps the confirmations.
 */
export const acknowledge = z
  .object({
    units: z.array(slugId()).default([]).describe('Подразделения из registries/units.json; подчинённые подразделения входят в них.'),
    roles: z.array(slugId()).default([]).describe('Роли из registries/roles.json: сотрудник с любой из них должен ознакомиться, где бы он ни работал.'),
    withinDays: z
      .int()
      .min(1, { error: 'срок ознакомления — целое число дней, не меньше 1, например 30' })
      .max(365, { error: 'срок ознакомления — не больше 365 дней' })
      .default(30)
      .describe('Сколько дней после даты введения в действие даётся на ознакомление; позже — просрочено.'),
    sample: sampleMark(),
  })
  .strict()
  .refine((value) => value.units.length + value.roles.length > 0, { error: 'укажите, кого касается ознакомление: хотя бы одно подразделение (units) или роль (roles)' });

/** One edition of a normative document: `content/documents/<code-slug>/editions/<version>.mdx`. */
export const edition = z
  .object({
    code: documentCode(),
    title: text().describe('Наименование документа, как его пишет сам документ: «Политика МТС в области качества…». Вид документа (по префиксу кода) портал добавляет сам, только если наименование с него не начинается.'),
    version: z.string().regex(/^\d+(?:\.\d+)*$/, { error: 'номер редакции — числа через точку, например 1.0 или 2' }),
    status: typedStatus,
    approved: isoDate().optional().describe('Дата утверждения; для проекта может отсутствовать.'),
    effective: isoDate().optional().describe('Дата введения в действие.'),
    act: text().optional().describe('Распорядительный документ, которым утверждена редакция.'),
    changes: text().describe('Что изменилось по сравнению с предыдущей редакцией.'),
    approvedBy: z
      .object({
        position: text().describe('Должность утвердившего, например «Президент ПАО «МТС»».'),
        person: text().optional().describe('Фамилия и инициалы, если их нужно назвать.'),
      })
      .strict()
      .optional()
      .describe('Кто утвердил редакцию; акт — в свойстве act.'),
    nextReview: isoDate().optional().describe('Дата, до которой редакцию нужно пересмотреть; важнее reviewPeriodMonths и периода вида документа.'),
    reviewPeriodMonths: z
      .int()
      .min(1, { error: 'период пересмотра — целое число месяцев, не меньше 1, например 24' })
      .max(120, { error: 'период пересмотра — не больше 120 месяцев' })
      .optional()
      .describe('Период пересмотра этой редакции в месяцах от даты утверждения; без него — reviewPeriod вида документа.'),
    reviewedAgainst: z
      .record(documentCode(), z.string().regex(/^\d+(?:\.\d+)*$/, { error: 'номер редакции — числа через точку, например 1.0 или 2' }))
      .optional()
      .describe('С какими редакциями цитируемых документов сверена эта редакция: { ПТ-035: "1.0" }. Без записи — редакция, действовавшая на дату утверждения.'),
    cancelled: z
      .object({ date: isoDate(), act: text().optional(), replacedBy: documentCode().optional() })
      .strict()
      .optional()
      .describe('Отмена документа: с какой даты, чем, какой документ его заменяет.'),
    access: slugId('уровень доступа пишется идентификатором из registries/access-levels.json, латиницей (например, internal), а не названием вроде «Для внутреннего использования»').describe(
      'Уровень доступа из content/registries/access-levels.json.',
    ),
    passport,
    references: z
      .array(
        z
          .object({
            cite: text().describe('Обозначение стандарта («ISO 9001:2015», «ISO 9000» — без года значит последнее издание) или код документа.'),
            title: text().optional().describe('Наименование так, как его приводит документ.'),
          })
          .strict(),
      )
      .default([])
      .describe('Нормативные ссылки: внешние стандарты и внутренние документы.'),
    principles: z
      .array(principle)
      .optional()
      .describe('Принципы и направления, которые определяет эта редакция (Политика ПТ-035): их текст на странице строит компонент <Principles />, стандарты качества ссылаются на них по id.'),
    acknowledge: acknowledge
      .optional()
      .describe('Лист ознакомления: кто из сотрудников должен подтвердить, что прочитал редакцию, и за сколько дней.'),
    sample: sampleMark(),
  })
  .strict();

/** An appendix of a document: `content/documents/<code-slug>/appendices/<number>.mdx`. */
export const appendix = z
  .object({
    number: z.int().min(1),
    title: text(),
    sample: sampleMark(),
  })
  .strict();

export type Edition = z.infer<typeof edition>;
export type Principle = z.infer<typeof principle>;
export type Acknowledge = z.infer<typeof acknowledge>;
export type Appendix = z.infer<typeof appendix>;
export type Passport = z.infer<typeof passport>;
