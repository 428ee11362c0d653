import { readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFields } from '../../src/lib/schema-fields.ts';
import { auditPlan } from '../../src/schemas/audit.ts';
import { check } from '../../src/validation/check.ts';
import { jsonSchemaFor } from '../../src/schemas/json-schema.ts';
import { BASES_DIR } from '../../src/validation/rule-units.ts';
import { contentRoot, formatMessages, projectRoot } from '../helpers/content-root.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

const QUALITY_SCHEMAS = [
  'quality-standard.schema.json', 'qms-map.schema.json', 'auditors.schema.json', 'audit-program.schema.json',
  'audit-plan.schema.json', 'audit-report.schema.json', 'corrective-actions.schema.json', 'improvement-proposals.schema.json',
];

type Node = { properties?: Record<string, Node>; items?: Node; description?: string };
/** Every property path of a JSON Schema that has no description of its own. */
function undescribed(node: Node, at = ''): string[] {
  const own = Object.entries(node.properties ?? {}).flatMap(([key, child]) => [
    ...(child.description ? [] : [`${at}${key}`]),
    ...undescribed(child, `${at}${key}.`),
  ]);
  return node.items ? [...own, ...undescribed(node.items, at.replace(/\.$/, '[].'))] : own;
}

describe('quality and audit JSON Schemas', () => {
  it.each(QUALITY_SCHEMAS)('%s: committed file is the generated one, draft 2020-12, every field described', (name) => {
    const generated = jsonSchemaFor(name);
    expect(readFileSync(path.join(projectRoot, 'schemas', name), 'utf8')).toBe(`${JSON.stringify(generated, null, 2)}\n`);
    expect(generated.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(undescribed(generated as Node)).toEqual([]);
  });

  it('templates are read from the schema: descriptions and required flags as the zod shape says', () => {
    const fields = schemaFields(jsonSchemaFor('audit-plan.schema.json'));
    const field = (p: string) => fields.find((f) => f.path === p);
    expect(field('scope')).toMatchObject({ required: true, description: auditPlan.shape.scope.description, type: 'текст', depth: 0 });
    expect(field('location')).toMatchObject({ required: false });
    expect(field('team.leader')).toMatchObject({ required: true, depth: 1 });
    expect(field('team.auditors')).toMatchObject({ required: false, type: 'список: текст' });
    expect(field('team.experts[].competence')).toMatchObject({ required: true, depth: 2 });
    expect(field('dates.from')?.type).toBe('дата ГГГГ-ММ-ДД');
    expect(fields.map((f) => f.path)).not.toContain('$schema');
    expect(fields.map((f) => f.path)).not.toContain('sample');
  });
});

describe('schema errors in audit records point at the line of the JSON', () => {
  const PLAN = 'audits/2026/plans/2026-01.json';
  const broken = `{
  "$schema": "../../../../schemas/audit-plan.schema.json",
  "audit": "2026-01",
  "objectives": [],
  "scope": "Область",
  "criteria": { "clauses": ["9,2"] },
  "dates": {
    "from": "2026-02-30",
    "to": "2026-03-11"
  },
  "team": { "leader": 5 },
  "coordinator": { "position": "Координатор", "unit": "contact-center", "phone": "+7 000" }
}
`;

  // A value's position is its key's (`"from": …` → the quote of `"from"`); list items point at the item.
  it('reports every error at its field, one message per error, and keeps the invalid record out of the cross-record rules', async () => {
    const root = await contentRoot({}, { only: ['registries', 'standards', 'documents'] });
    await cp(path.join(BASES_DIR, 'records'), root, { recursive: true });
    const file = path.join(root, PLAN);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, broken);
    const result = await check({ root, buildDate: '2026-11-26', sites: internalSites('2026-11-26') });
    expect(formatMessages(root, result.messages)).toEqual([
      `${PLAN}:4:3  error  список «objectives» должен содержать не меньше 1 элементов  schema/invalid`,
      `${PLAN}:6:29  error  свойство «criteria.clauses[0]»: значение "9,2" не соответствует образцу ^\\d+(?:\\.\\d+)*$  schema/invalid`,
      `${PLAN}:8:5  error  свойство «dates.from»: ожидается существующая дата в формате ГГГГ-ММ-ДД, указано "2026-02-30"  schema/invalid`,
      `${PLAN}:11:13  error  свойство «team.leader»: ожидается строка, указано число 5  schema/invalid`,
      `${PLAN}:12:73  error  неизвестное свойство «coordinator.phone»: удалите его или проверьте написание; допустимые: name, position, unit  schema/invalid`,
    ]);
    expect(result.corpus.records.get('audit-plan') ?? []).toEqual([]);
    expect(result.corpus.records.get('audit-report')).toHaveLength(1);
  });

  it('a record in a place no kind describes is reported with the places that exist', async () => {
    const root = await contentRoot({ 'audits/2026/plan-2026-01.json': '{}\n' }, { only: ['registries', 'standards', 'documents'] });
    const result = await check({ root, buildDate: '2026-11-26', sites: internalSites('2026-11-26') });
    const [line] = formatMessages(root, result.messages);
    expect(line).toMatch(/^audits\/2026\/plan-2026-01\.json:1:1 {2}error {2}файл «audits\/2026\/plan-2026-01\.json» не относится ни к одному виду содержимого .*audits\/<год>\/plans\/<аудит>\.json.* {2}content\/unknown-file$/);
  });
});
