import { z } from 'zod';
import { isoDate, sampleMark, schemaRef, slugId, text } from './common.ts';

export const clause = z
  .object({
    number: z.string().regex(/^\d+(?:\.\d+)*$/, { error: 'номер пункта — числа через точку, например 7.5.3' }),
    ru: z.string().trim().describe('Наименование пункта по ГОСТ Р; пусто у пронумерованных абзацев без заголовка (4.4.1).'),
    en: z.string().trim().describe('Наименование пункта по ISO; пусто, если заголовка нет.'),
  })
  .strict();

/** An external standard of the catalog (ISO 9001:2015 …); clause numbers and titles only. */
export const standard = z
  .object({
    $schema: schemaRef(),
    id: slugId(),
    designation: text().describe('Обозначение: «ISO 9001:2015».'),
    body: z.enum(['ISO', 'ГОСТ Р', 'IEC']),
    number: z.string().regex(/^\d+(?:-\d+)?$/),
    year: z.int().min(1900).max(2100),
    title: z.object({ ru: text(), en: text() }).strict(),
    status: z.enum(['current', 'withdrawn']).describe('withdrawn — отменённое издание; ссылка на него даёт предупреждение.'),
    supersededBy: slugId().nullable(),
    equivalents: z
      .array(
        z
          .object({
            designation: text().describe('«ГОСТ Р ИСО 9001-2015».'),
            relation: z.enum(['IDT', 'MOD', 'NEQ']),
            title: text(),
          })
          .strict(),
      )
      .default([]),
    clauses: z.array(clause),
    depth: z
      .int()
      .min(1)
      .optional()
      .describe('Каталог неполный: пункты перечислены только до этого уровня (2 — до 8.2). Ссылка на пункт глубже (8.2.2) сверяется с его пунктом этого уровня и даёт предупреждение «пункт не проверен», а не ошибку.'),
    control: z
      .object({
        holder: slugId().describe('Подразделение из реестра units.json, которое держит лицензионную копию.'),
        location: text().describe('Где хранится копия: система, папка или шкаф.'),
        licenceExpires: isoDate().optional().describe('До какой даты действует лицензия или подписка; после неё — предупреждение.'),
        reviewBy: isoDate().optional().describe('До какой даты проверить, что применяется действующее издание; после неё — предупреждение.'),
      })
      .strict()
      .optional()
      .describe('Управление документом внешнего происхождения (ISO 9001:2015, 7.5.3.2): публикуется только для внутренней аудитории.'),
    sample: sampleMark(),
  })
  .strict();

export type Standard = z.infer<typeof standard>;
export type Clause = z.infer<typeof clause>;
