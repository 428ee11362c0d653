import { z } from 'zod';
import { documentCode, isoDate, sampleMark, schemaRef, slugId, text } from './common.ts';
import { clauseNumber, person } from './qms.ts';

/** Kinds of audit findings (ISO 19011): nonconformities by severity, observations, opportunities. */
export const FINDING_TYPES = ['значительное несоответствие', 'незначительное несоответствие', 'наблюдение', 'возможность для улучшения'] as const;
export const NONCONFORMITIES: ReadonlySet<string> = new Set(FINDING_TYPES.slice(0, 2));
/** An action is overdue when its due date has passed and it is not `закрыто`. */
export const ACTION_STATUSES = ['открыто', 'в работе', 'закрыто'] as const;

const auditId = () => slugId().describe('Идентификатор аудита из программы, например 2026-03.');
const period = (what: string) =>
  z
    .object({
      from: isoDate().describe(`Первый день ${what}.`),
      to: isoDate().describe(`Последний день ${what}.`),
    })
    .strict();

export const auditor = z
  .object({
    id: slugId().describe('Идентификатор аудитора, на него ссылаются программа и планы.'),
    name: text().describe('Фамилия и инициалы; в примерах — заведомо вымышленные («Аудитор А. Примеров»).'),
    position: text().describe('Должность.'),
    unit: slugId().describe('Подразделение аудитора из реестра подразделений: своё подразделение он не проверяет.'),
    roles: z.array(slugId()).min(1, { error: 'укажите хотя бы одну роль, например auditor' }).describe('Роли из реестра ролей: auditor — аудитор; audit-team-leader — может руководить группой аудита.'),
    qualification: text().describe('Основание компетентности: обучение по ISO 19011 / ISO 9001, год.'),
    sample: sampleMark(),
  })
  .strict();

/** `audits/auditors.json`: the registry of internal auditors. */
export const auditorsFile = z
  .object({ $schema: schemaRef(), items: z.array(auditor).describe('Аудиторы СМК.') })
  .strict();

export const programAudit = z
  .object({
    id: slugId().describe('Идентификатор аудита: год и номер, например 2026-03; план и отчёт называют его.'),
    unit: slugId().describe('Проверяемое подразделение из реестра подразделений.'),
    process: text().describe('Проверяемый процесс СМК.'),
    clauses: z.array(clauseNumber()).min(1, { error: 'укажите хотя бы один пункт ISO 9001:2015' }).describe('Пункты ISO 9001:2015, проверяемые в аудите; раздел («8») включает свои подразделы.'),
    month: z
      .string()
      .regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { error: 'месяц в формате ГГГГ-ММ, например 2026-03' })
      .describe('Планируемый месяц аудита, ГГГГ-ММ.'),
    leader: slugId().describe('Руководитель группы аудита: id из реестра аудиторов.'),
  })
  .strict();

/** `audits/<год>/program.json`: the annual audit program (ISO 9001:2015, 9.2.2 a). */
export const auditProgram = z
  .object({
    $schema: schemaRef(),
    title: text().describe('Наименование программы, например «Программа внутренних аудитов СМК на 2026 год».'),
    period: period('периода программы').describe('Период, на который составлена программа.'),
    approved: isoDate().describe('Дата утверждения программы.'),
    approvedBy: slugId().describe('Кто утвердил: роль из реестра ролей, например quality-representative.'),
    objectives: z.array(text()).min(1, { error: 'укажите хотя бы одну цель программы' }).describe('Цели программы аудитов.'),
    audits: z.array(programAudit).min(1, { error: 'в программе должен быть хотя бы один аудит' }).describe('Аудиты периода: подразделение или процесс, пункты ISO, месяц, руководитель группы.'),
    retainUntil: isoDate().optional().describe('Срок хранения записи: после него запись передают в архив или уничтожают по акту (audit/retention).'),
    sample: sampleMark(),
  })
  .strict();

/** `audits/<год>/plans/<аудит>.json`: the plan of one audit. */
export const auditPlan = z
  .object({
    $schema: schemaRef(),
    audit: auditId(),
    objectives: z.array(text()).min(1, { error: 'укажите хотя бы одну цель аудита' }).describe('Цели аудита.'),
    scope: text().describe('Область аудита: подразделения, процессы, площадки, период деятельности.'),
    criteria: z
      .object({
        clauses: z.array(clauseNumber()).min(1, { error: 'укажите хотя бы один пункт ISO 9001:2015' }).describe('Пункты ISO 9001:2015 — критерии аудита.'),
        documents: z.array(documentCode()).default([]).describe('Внутренние нормативные документы — критерии аудита, по кодам.'),
      })
      .strict()
      .describe('Критерии аудита: требования, с которыми сравниваются свидетельства.'),
    dates: period('аудита').describe('Даты проведения аудита.'),
    location: text().optional().describe('Место проведения: площадка, адрес или «дистанционно».'),
    team: z
      .object({
        leader: slugId().describe('Руководитель группы аудита: id из реестра аудиторов.'),
        auditors: z.array(slugId()).default([]).describe('Аудиторы группы: id из реестра аудиторов.'),
        experts: z
          .array(
            z
              .object({
                position: text().describe('Должность технического эксперта.'),
                competence: text().describe('В чём эксперт помогает группе аудита.'),
              })
              .strict(),
          )
          .default([])
          .describe('Технические эксперты (не аудиторы; в реестре аудиторов их нет).'),
      })
      .strict()
      .describe('Группа аудита.'),
    coordinator: person.describe('Координатор от проверяемого подразделения.'),
    schedule: z
      .array(
        z
          .object({
            date: isoDate().describe('День.'),
            time: text().describe('Время, например 10:00–11:00.'),
            activity: text().describe('Что происходит: вступительное совещание, интервью, заключительное совещание.'),
            participants: text().optional().describe('Кто участвует со стороны подразделения.'),
          })
          .strict(),
      )
      .default([])
      .describe('Расписание аудита.'),
    retainUntil: isoDate().optional().describe('Срок хранения записи: после него запись передают в архив или уничтожают по акту (audit/retention).'),
    sample: sampleMark(),
  })
  .strict();

export const finding = z
  .object({
    number: z.int().min(1).describe('Номер находки в отчёте; на него ссылаются планы мероприятий.'),
    type: z.enum(FINDING_TYPES).describe('Вид находки: несоответствие (значительное или незначительное), наблюдение, возможность для улучшения.'),
    clause: clauseNumber().optional().describe('Пункт ISO 9001:2015, требованию которого относится находка.'),
    document: documentCode().optional().describe('Внутренний документ, требованию которого относится находка.'),
    statement: text().describe('Формулировка находки.'),
    evidence: text().describe('Объективное свидетельство: что увидели, где, какие записи.'),
  })
  .strict();

/** `audits/<год>/reports/<аудит>.json`: the audit report with its findings. */
export const auditReport = z
  .object({
    $schema: schemaRef(),
    audit: auditId(),
    date: isoDate().describe('Дата отчёта; сроки мероприятий считаются от неё.'),
    summary: text().describe('Краткое описание хода аудита.'),
    strengths: z.array(text()).default([]).describe('Сильные стороны, отмеченные группой аудита.'),
    findings: z.array(finding).describe('Находки аудита.'),
    conclusion: text().describe('Заключение группы аудита о соответствии критериям.'),
    retainUntil: isoDate().optional().describe('Срок хранения записи: после него запись передают в архив или уничтожают по акту (audit/retention).'),
    sample: sampleMark(),
  })
  .strict();

const verification = z
  .object({
    date: isoDate().describe('Дата проверки результативности.'),
    by: text().describe('Кто проверил: должность аудитора.'),
    effective: z.boolean().describe('Мероприятие результативно: несоответствие не повторяется.'),
    result: text().describe('Что показала проверка.'),
  })
  .strict();

const trackedFields = {
  responsible: person.describe('Ответственный за выполнение мероприятия.'),
  due: isoDate().describe('Срок выполнения.'),
  status: z.enum(ACTION_STATUSES).describe('Статус: открыто, в работе или закрыто (выполнено и проверено).'),
  completed: isoDate().optional().describe('Дата выполнения.'),
  verification: verification.optional().describe('Проверка результативности.'),
};

export const correctiveAction = z
  .object({
    finding: z.int().min(1).describe('Номер несоответствия в отчёте по аудиту.'),
    correction: text().optional().describe('Коррекция: немедленное устранение последствий.'),
    cause: text().describe('Причина несоответствия по результатам анализа.'),
    action: text().describe('Корректирующее мероприятие, устраняющее причину.'),
    ...trackedFields,
  })
  .strict();

/** `audits/<год>/actions/<аудит>.json`: the corrective-action plan of one audit. */
export const correctiveActionPlan = z
  .object({
    $schema: schemaRef(),
    audit: auditId(),
    approved: isoDate().describe('Дата утверждения плана.'),
    actions: z.array(correctiveAction).min(1, { error: 'в плане должно быть хотя бы одно мероприятие' }).describe('Корректирующие мероприятия.'),
    retainUntil: isoDate().optional().describe('Срок хранения записи: после него запись передают в архив или уничтожают по акту (audit/retention).'),
    sample: sampleMark(),
  })
  .strict();

export const improvementProposal = z
  .object({
    finding: z.int().min(1).describe('Номер наблюдения или возможности для улучшения в отчёте.'),
    proposal: text().describe('Предложение по улучшению.'),
    expectedEffect: text().describe('Ожидаемый результат.'),
    ...trackedFields,
  })
  .strict();

/** `audits/<год>/improvements/<аудит>.json`: the improvement-proposal plan of one audit. */
export const improvementPlan = z
  .object({
    $schema: schemaRef(),
    audit: auditId(),
    approved: isoDate().describe('Дата утверждения плана.'),
    proposals: z.array(improvementProposal).min(1, { error: 'в плане должно быть хотя бы одно предложение' }).describe('Предложения по улучшению.'),
    retainUntil: isoDate().optional().describe('Срок хранения записи: после него запись передают в архив или уничтожают по акту (audit/retention).'),
    sample: sampleMark(),
  })
  .strict();

export type Auditor = z.infer<typeof auditor>;
export type AuditProgram = z.infer<typeof auditProgram>;
export type ProgramAudit = z.infer<typeof programAudit>;
export type AuditPlan = z.infer<typeof auditPlan>;
export type AuditReport = z.infer<typeof auditReport>;
export type Finding = z.infer<typeof finding>;
export type CorrectiveActionPlan = z.infer<typeof correctiveActionPlan>;
export type CorrectiveAction = z.infer<typeof correctiveAction>;
export type ImprovementPlan = z.infer<typeof improvementPlan>;
export type ImprovementProposal = z.infer<typeof improvementProposal>;
