import { routes } from '../../../../lib/routes.ts';
import { classify } from '../../../../model/file-kinds.ts';
import { parseJson } from '../../../../analysis/parse-json.ts';
import { contentPath } from '../../../../model/quality-records.ts';
import { defineRule } from '../../../rule.ts';

/**
 * Every JSON file names the schema of its kind in `$schema`, so an editor completes and checks it.
 * The path is relative to the file and leads to `schemas/` next to the content root
 * (`content/audits/2026/plans/x.json` → `../../../../schemas/audit-plan.schema.json`);
 * the published address (`/schemas/…` or a full URL ending with it) is accepted too.
 */
export default defineRule({ id: 'schema/ref', severity: 'warning', description: 'JSON-файл называет свою схему в $schema' }, ({ corpus, report }) => {
  for (const file of corpus.files) {
    const rel = contentPath(corpus, file);
    const kind = classify(rel);
    if (kind?.format !== 'json' || !kind.schema) continue;
    const parsed = parseJson(file);
    if (parsed.problems.length || !parsed.data || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) continue;
    const expected = `${'../'.repeat(rel.split('/').length)}schemas/${kind.schema}`;
    const named = (parsed.data as Record<string, unknown>).$schema;
    const value = { file, locate: parsed.locate, at: [] };
    if (named === undefined) {
      report({ value }, `не указана схема файла: добавьте "$schema": "${expected}" — редактор будет подсказывать и проверять поля`);
    } else if (named !== expected && !isPublished(named, kind.schema)) {
      report(
        { value, field: ['$schema'] },
        `«$schema» указывает на ${JSON.stringify(named)}, а файл ${rel} проверяется по схеме ${kind.schema}: укажите "${expected}"`,
      );
    }
  }
});

/** `/schemas/<name>` on the portal, or a full URL of it. */
const isPublished = (named: unknown, schema: string) =>
  typeof named === 'string' && (named === routes.schema(schema) || (/^https?:\/\//.test(named) && named.endsWith(routes.schema(schema))));
