/**
 * Row labels of an edition's passport, as the document page shows them and the «что изменилось» page
 * compares them: written once.
 */
export const PASSPORT_LABELS = {
  title: 'Наименование',
  goals: 'Цель документа',
  summary: 'Краткое описание документа',
  responsibleForApplication: 'Ответственный за применение НД',
  responsibleForDevelopment: 'Ответственный за разработку НД',
  scope: 'Область применения',
  access: 'Ограничение доступа',
  references: 'Нормативные ссылки',
  approved: 'Утверждена',
  reviewBy: 'Пересмотр до',
} as const;
