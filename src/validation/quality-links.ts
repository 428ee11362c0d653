import { qualityRecords } from '../model/quality-records.ts';
import { JSON_SCHEMAS } from '../schemas/index.ts';
import type { RuleContext } from './rule.ts';

/**
 * Whether a site path is one of the quality and audit pages (src/pages/audits, quality-standards,
 * schemas) and exists: `null` — not such a path; `undefined` — exists; a string — what is wrong.
 */
export function qualityPageProblem(context: Pick<RuleContext, 'corpus'>, path: string): string | undefined | null {
  const records = qualityRecords(context.corpus);
  if (path === '/quality-standards/' || path === '/audits/' || path === '/audits/actions/') return undefined;
  const schema = /^\/schemas\/([^/]+)\/$/.exec(path);
  if (schema) return Object.hasOwn(JSON_SCHEMAS, schema[1] ?? '') ? undefined : `схемы «${schema[1]}» нет; опубликованы: ${Object.keys(JSON_SCHEMAS).join(', ')}`;
  const standard = /^\/quality-standards\/([^/]+)\/$/.exec(path);
  if (standard) return records.standards.some((s) => s.data.id === standard[1]) ? undefined : `стандарта качества «${standard[1]}» нет в quality-standards/`;
  const program = /^\/audits\/(\d{4})\/$/.exec(path);
  if (program) return records.programs.some((p) => p.data.period.from.startsWith(program[1] ?? '')) ? undefined : `программы аудитов на ${program[1]} год нет`;
  const record = /^\/audits\/(plans|reports)\/([^/]+)\/$/.exec(path);
  if (record) {
    const [, kind, id = ''] = record;
    const map = kind === 'plans' ? records.planOf : records.reportOf;
    return map.has(id) ? undefined : `${kind === 'plans' ? 'плана' : 'отчёта'} по аудиту «${id}» нет`;
  }
  return null;
}
