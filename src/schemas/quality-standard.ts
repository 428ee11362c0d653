import { z } from 'zod';
import { documentCode, isoDate, sampleMark, schemaRef, slugId, text } from './common.ts';
import { clauseNumber } from './qms.ts';

/** Where a customer meets the company; a closed list so that reports group requirements reliably. */
export const TOUCHPOINTS = ['салон', 'контакт-центр', 'сайт', 'приложение', 'чат', 'сеть связи', 'выезд специалиста'] as const;

export const requirement = z
  .object({
    id: z
      .string()
      .regex(/^[A-Z]{1,6}-\d{1,3}$/, { error: 'идентификатор требования — заглавные латинские буквы, дефис, номер, например CS-01' })
      .describe('Идентификатор требования внутри стандарта, например CS-01.'),
    statement: text().describe('Формулировка требования: что должно быть обеспечено клиенту.'),
    touchpoint: z.enum(TOUCHPOINTS).describe('Точка контакта с клиентом, к которой относится требование.'),
    metric: text().describe('Показатель, которым измеряется выполнение требования.'),
    unit: text().describe('Единица измерения показателя: %, с, мин, баллы.'),
    target: z
      .object({
        comparison: z.enum(['не менее', 'не более']).describe('Как фактическое значение сравнивается с целевым.'),
        value: z.number().describe('Целевое значение показателя.'),
      })
      .strict()
      .describe('Целевое значение: «не менее 85» или «не более 60».'),
    method: text().describe('Метод измерения: источник данных, выборка, периодичность.'),
    owner: slugId().describe('Подразделение — владелец требования, из реестра content/registries/units.json.'),
    clauses: z.array(clauseNumber()).min(1, { error: 'укажите хотя бы один пункт ISO 9001:2015' }).describe('Пункты ISO 9001:2015 (разделы 4–10), которым служит требование.'),
    principle: slugId().describe('Принцип Политики (policy), которому служит требование: id из свойства principles её действующей редакции, например simple-communication.'),
    direction: slugId().describe('Направление стратегии управления клиентским опытом: id из principles Политики, например cx-simple.'),
  })
  .strict();

/** `quality-standards/<id>.json`: a quality standard of Appendix 2 with its measurable requirements. */
export const qualityStandard = z
  .object({
    $schema: schemaRef(),
    id: slugId().describe('Идентификатор стандарта: часть адреса страницы /quality-standards/<id>/.'),
    title: text().describe('Наименование стандарта качества.'),
    subject: z.enum(['услуги', 'продукты', 'процессы', 'обслуживание клиентов']).describe('К качеству чего стандарт предъявляет требования.'),
    purpose: text().describe('Цель стандарта: какие ожидания клиента он обеспечивает.'),
    policy: documentCode().describe('Политика, принципам которой служит стандарт, например ПТ-035.'),
    owner: slugId().describe('Подразделение — владелец стандарта, из реестра подразделений.'),
    effective: isoDate().describe('Дата введения стандарта в действие.'),
    requirements: z.array(requirement).min(1, { error: 'в стандарте должно быть хотя бы одно требование' }).describe('Требования стандарта.'),
    sample: sampleMark(),
  })
  .strict();

export type QualityStandard = z.infer<typeof qualityStandard>;
export type Requirement = z.infer<typeof requirement>;
