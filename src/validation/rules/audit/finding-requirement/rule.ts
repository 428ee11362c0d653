import { qualityRecords } from '../../../../model/quality-records.ts';
import { defineRule } from '../../../rule.ts';

/** A finding is stated against a requirement: an ISO clause, a document, or both. */
export default defineRule(
  { id: 'audit/finding-requirement', severity: 'error', description: 'каждая находка аудита названа по требованию: пункт ISO или документ' },
  ({ corpus, report }) => {
    for (const auditReport of qualityRecords(corpus).reports) {
      auditReport.data.findings.forEach((finding, index) => {
        if (finding.clause === undefined && finding.document === undefined) {
          report(
            { value: auditReport, field: ['findings', index] },
            `у находки № ${finding.number} не указано требование: добавьте "clause" (пункт ISO 9001:2015) или "document" (код НД)`,
          );
        }
      });
    }
  },
);
