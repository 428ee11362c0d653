import type { z } from 'zod';
import { appendix, edition } from './document.ts';
import { accessLevelsFile, documentTypesFile, rolesFile, synonymsFile, termsFile, unitsFile } from './registries.ts';
import { standard } from './standard.ts';
import { auditPlan, auditProgram, auditReport, auditorsFile, correctiveActionPlan, improvementPlan } from './audit.ts';
import { qmsMap } from './qms.ts';
import { qualityStandard } from './quality-standard.ts';
import { LegacyUrls } from './legacy-urls.ts';

/** Every JSON Schema published under `schemas/`, generated from these zod shapes. */
export const JSON_SCHEMAS: Readonly<Record<string, { schema: z.ZodType; title: string }>> = {
  'document-types.schema.json': { schema: documentTypesFile, title: 'Реестр видов нормативных документов' },
  'units.schema.json': { schema: unitsFile, title: 'Реестр подразделений' },
  'roles.schema.json': { schema: rolesFile, title: 'Реестр ролей' },
  'terms.schema.json': { schema: termsFile, title: 'Реестр терминов и сокращений' },
  'synonyms.schema.json': { schema: synonymsFile, title: 'Синонимы для поиска' },
  'legacy-urls.schema.json': { schema: LegacyUrls, title: 'Старые адреса документов (переадресация после миграции)' },
  'access-levels.schema.json': { schema: accessLevelsFile, title: 'Уровни доступа' },
  'standard.schema.json': { schema: standard, title: 'Внешний стандарт: обозначение и пункты' },
  'edition.schema.json': { schema: edition, title: 'Свойства (frontmatter) редакции нормативного документа' },
  'appendix.schema.json': { schema: appendix, title: 'Свойства (frontmatter) приложения' },
  'quality-standard.schema.json': { schema: qualityStandard, title: 'Стандарт качества и его требования' },
  'qms-map.schema.json': { schema: qmsMap, title: 'Карта СМК: пункты ISO 9001:2015, процессы и документы' },
  'auditors.schema.json': { schema: auditorsFile, title: 'Реестр аудиторов СМК' },
  'audit-program.schema.json': { schema: auditProgram, title: 'Программа аудитов СМК' },
  'audit-plan.schema.json': { schema: auditPlan, title: 'План аудита СМК' },
  'audit-report.schema.json': { schema: auditReport, title: 'Отчёт по аудиту СМК' },
  'corrective-actions.schema.json': { schema: correctiveActionPlan, title: 'План корректирующих мероприятий' },
  'improvement-proposals.schema.json': { schema: improvementPlan, title: 'План предложений по улучшению' },
};
