import type { Located } from '../../../../model/corpus.ts';
import { qualityRecords } from '../../../../model/quality-records.ts';
import { defineRule, type RuleContext } from '../../../rule.ts';

/** Ids that references, pages and links rely on are unique, in registries and in records alike. */
export default defineRule({ id: 'registry/duplicate-id', severity: 'error', description: 'идентификаторы в реестрах уникальны' }, (context) => {
  registries(context);
  auditRecords(context);
  qualityIds(context);
});

function registries({ corpus, report }: RuleContext) {
  const lists: Array<[string, Located<unknown>[]]> = [
    ['видов документов', corpus.types],
    ['подразделений', corpus.units],
    ['ролей', corpus.roles],
    ['терминов', corpus.terms],
    ['уровней доступа', corpus.accessLevels],
    ['стандартов', corpus.standards],
  ];
  for (const [name, entries] of lists) {
    const seen = new Set<string>();
    for (const entry of entries) {
      const record = entry.data as { id?: string; prefix?: string };
      const id = record.id ?? record.prefix ?? '';
      if (seen.has(id))
        report({ value: entry, field: ['prefix' in record ? 'prefix' : 'id'] }, `«${id}» уже есть в реестре ${name}: идентификаторы не повторяются`);
      seen.add(id);
    }
  }
}

/** Auditors, audits, finding numbers, and one plan/report/action plan per audit. */
function auditRecords({ corpus, report }: RuleContext) {
  const records = qualityRecords(corpus);
  const auditors = new Set<string>();
  for (const auditor of records.auditors) {
    if (auditors.has(auditor.data.id))
      report({ value: auditor, field: ['id'] }, `аудитор «${auditor.data.id}» уже есть в реестре аудиторов: идентификаторы не повторяются`);
    auditors.add(auditor.data.id);
  }
  const audits = new Set<string>();
  for (const program of records.programs) {
    program.data.audits.forEach((audit, index) => {
      if (audits.has(audit.id))
        report({ value: program, field: ['audits', index, 'id'] }, `аудит «${audit.id}» уже есть в программе: идентификаторы аудитов не повторяются`);
      audits.add(audit.id);
    });
  }
  const once = (list: Located<{ audit: string }>[], what: string) => {
    const seen = new Set<string>();
    for (const record of list) {
      if (seen.has(record.data.audit))
        report({ value: record, field: ['audit'] }, `${what} по аудиту ${record.data.audit} уже есть: у аудита один такой документ`);
      seen.add(record.data.audit);
    }
  };
  once(records.plans, 'план');
  once(records.reports, 'отчёт');
  once(records.actionPlans, 'план корректирующих мероприятий');
  once(records.improvementPlans, 'план предложений по улучшению');
  for (const auditReport of records.reports) {
    const numbers = new Set<number>();
    auditReport.data.findings.forEach((finding, index) => {
      if (numbers.has(finding.number))
        report({ value: auditReport, field: ['findings', index, 'number'] }, `находка № ${finding.number} уже есть в отчёте: номера находок не повторяются`);
      numbers.add(finding.number);
    });
  }
}

/** Quality standards, requirements in a standard, rows of the QMS map. */
function qualityIds({ corpus, report }: RuleContext) {
  const { standards, qmsMaps } = qualityRecords(corpus);
  const ids = new Set<string>();
  for (const standard of standards) {
    if (ids.has(standard.data.id))
      report({ value: standard, field: ['id'] }, `стандарт качества «${standard.data.id}» уже есть: идентификаторы стандартов не повторяются`);
    ids.add(standard.data.id);
    const requirementIds = new Set<string>();
    standard.data.requirements.forEach((requirement, index) => {
      if (requirementIds.has(requirement.id))
        report(
          { value: standard, field: ['requirements', index, 'id'] },
          `требование ${requirement.id} уже есть в стандарте «${standard.data.title}»: дайте следующий свободный номер`,
        );
      requirementIds.add(requirement.id);
    });
  }
  for (const map of qmsMaps) {
    const rows = new Set<string>();
    map.data.rows.forEach((row, index) => {
      if (rows.has(row.clause)) report({ value: map, field: ['rows', index, 'clause'] }, `пункт ${row.clause} уже есть в карте СМК: объедините строки`);
      rows.add(row.clause);
    });
  }
}
