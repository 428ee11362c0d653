import { z } from 'zod';
import { documentCode, sampleMark, schemaRef, slugId, text } from './common.ts';

/** Registry files are `{ "$schema": …, "items": [...] }`. */
const registry = <T extends z.ZodType>(item: T) =>
  z.object({ $schema: schemaRef(), items: z.array(item) }).strict();

export const documentType = z
  .object({
    prefix: z.string().regex(/^[А-ЯЁ]{1,4}$/, { error: 'префикс — 1–4 заглавные кириллические буквы, например ПТ' }),
    name: text().describe('Вид документа в единственном числе: «Политика».'),
    plural: text().describe('Во множественном числе, для фильтров: «Политики».'),
    reviewPeriod: z
      .int()
      .min(1, { error: 'период пересмотра — целое число месяцев, не меньше 1, например 36' })
      .max(120, { error: 'период пересмотра — не больше 120 месяцев' })
      .optional()
      .describe('Период пересмотра документов этого вида, в месяцах, от даты утверждения редакции; без него пересмотр не отслеживается, пока редакция не задаст nextReview или reviewPeriodMonths.'),
    sample: sampleMark(),
  })
  .strict();

export const unit = z
  .object({
    id: slugId(),
    name: text(),
    parent: slugId().nullable().describe('Вышестоящее подразделение или null для верхнего уровня.'),
    sample: sampleMark(),
  })
  .strict();

export const role = z
  .object({
    id: slugId(),
    name: text().describe('Наименование роли, как в разделе «Определения терминов и ролей».'),
    definition: text(),
    definedIn: documentCode().describe('Документ, который определяет роль; в остальных на неё ссылаются.'),
    forms: z.array(text()).default([]).describe('Словоформы, по которым роль узнаётся в тексте (строчными).'),
    sample: sampleMark(),
  })
  .strict();

export const term = z
  .object({
    id: slugId(),
    term: text().describe('Сокращение или термин: «СМК».'),
    definition: text(),
    definedIn: documentCode(),
    sample: sampleMark(),
  })
  .strict();

export const accessLevel = z
  .object({
    id: slugId(),
    name: text().describe('Гриф, как он печатается на документе.'),
    rank: z.int().min(0).describe('Чем больше, тем уже круг читателей; 0 — без ограничений.'),
    restriction: text().describe('Значение строки паспорта «Ограничение доступа».'),
  })
  .strict();

/**
 * Words that mean the same to a reader: a group is found by any of its terms. Search adds the other terms
 * of a group to every page that contains one of them (hidden, weighted), so «самообслуживание» finds a
 * text that says «self-care».
 */
export const synonym = z
  .object({
    id: slugId(),
    terms: z.array(text()).min(2).describe('Равнозначные слова и выражения, как их пишут и ищут: «self-care», «самообслуживание».'),
    sample: sampleMark(),
  })
  .strict();

export const documentTypesFile = registry(documentType);
export const synonymsFile = registry(synonym);
export const unitsFile = registry(unit);
export const rolesFile = registry(role);
export const termsFile = registry(term);
export const accessLevelsFile = registry(accessLevel);

export type DocumentType = z.infer<typeof documentType>;
export type Unit = z.infer<typeof unit>;
export type Role = z.infer<typeof role>;
export type Term = z.infer<typeof term>;
export type AccessLevel = z.infer<typeof accessLevel>;
export type Synonym = z.infer<typeof synonym>;
