import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appendix, edition } from '../../src/schemas/document.ts';
import { ajvIssues, formatPath, zodIssues } from '../../src/analysis/schema-issues.ts';
import { check } from '../../src/validation/check.ts';
import { contentRoot, formatMessages, projectRoot } from '../helpers/content-root.ts';
import { internalSites } from '../helpers/rule-fixtures.ts';

const realEdition = parse(readFileSync(path.join(projectRoot, 'content/documents/pt-035/editions/1.0.mdx'), 'utf8').split('---')[1] ?? '');
const withChange = (change: (data: Record<string, any>) => void) => {
  const data = structuredClone(realEdition);
  change(data);
  return data;
};
const issues = (result: { issues: { path: readonly (string | number)[]; message: string }[] }) => result.issues.map((i) => [formatPath(i.path), i.message]);

describe('edition frontmatter (zod)', () => {
  it('accepts the real ПТ-035', () => expect(zodIssues(edition, realEdition).issues).toEqual([]));
  it.each([
    ['missing title', (d: any) => delete d.title, 'title', 'не хватает обязательного свойства «title» (строка)'],
    ['Latin code', (d: any) => (d.code = 'PT-035'), 'code', 'свойство «code»: код документа пишется кириллицей: префикс, дефис, номер — например, ПТ-035'],
    ['impossible date', (d: any) => (d.effective = '2025-02-30'), 'effective', 'свойство «effective»: ожидается существующая дата в формате ГГГГ-ММ-ДД, например 2024-03-01'],
    ['unknown status', (d: any) => (d.status = 'действует'), 'status', 'свойство «status»: недопустимое значение "действует"; допустимые: "проект", "утверждена", "отменена"'],
    ['goals not a list', (d: any) => (d.passport.goals = 'одна цель'), 'passport.goals', 'свойство «passport.goals»: ожидается список, указано строка "одна цель"'],
    ['empty goals', (d: any) => (d.passport.goals = []), 'passport.goals', 'свойство «passport.goals»: укажите хотя бы одну цель документа'],
    ['misspelt field', (d: any) => (d.passport.sumary = 'x'), 'passport.sumary', 'неизвестное свойство «passport.sumary»: возможно, имелось в виду «summary»; допустимые: goals, summary, responsibleForApplication, responsibleForDevelopment, scope'],
    ['adaptation not boolean', (d: any) => (d.passport.scope[0].adaptation = 'да'), 'passport.scope[0].adaptation', 'свойство «passport.scope[0].adaptation»: ожидается true или false, указано строка "да"'],
    ['to-fill text', (d: any) => (d.passport.summary = 'ЗАПОЛНИТЬ: краткое описание'), 'passport.summary', 'свойство «passport.summary»: поле не заполнено: краткое описание'],
    ['to-fill date', (d: any) => (d.approved = 'ЗАПОЛНИТЬ: дата утверждения ГГГГ-ММ-ДД'), 'approved', 'свойство «approved»: поле не заполнено: дата утверждения ГГГГ-ММ-ДД'],
    ['to-fill goal', (d: any) => (d.passport.goals = ['ЗАПОЛНИТЬ']), 'passport.goals[0]', 'свойство «passport.goals[0]»: поле не заполнено: значение'],
    ['to-fill unit', (d: any) => (d.passport.responsibleForDevelopment.unit = 'ЗАПОЛНИТЬ: подразделение из registries/units.json'), 'passport.responsibleForDevelopment.unit', 'свойство «passport.responsibleForDevelopment.unit»: поле не заполнено: подразделение из registries/units.json'],
    ['bad unit id', (d: any) => (d.passport.responsibleForDevelopment.unit = 'Департамент'), 'passport.responsibleForDevelopment.unit', 'свойство «passport.responsibleForDevelopment.unit»: идентификатор — латиница в нижнем регистре, цифры и дефисы, например dkko'],
  ])('%s', (_name, change, field, message) => {
    expect(issues(zodIssues(edition, withChange(change)))).toEqual([[field, message]]);
  });
});

describe('appendix frontmatter (zod)', () => {
  it('accepts a numbered appendix', () => expect(zodIssues(appendix, { number: 2, title: 'Т' }).issues).toEqual([]));
  it('rejects a number written as text', () => {
    expect(issues(zodIssues(appendix, { number: 'два', title: 'Т' }))).toEqual([['number', 'свойство «number»: ожидается число, указано строка "два"']]);
  });
});

describe('registries and catalog (ajv on the generated JSON Schemas)', () => {
  const units = { items: [{ id: 'dkko', name: 'Департамент', parent: null }] };
  it('accepts a valid registry', () => expect(ajvIssues('units.schema.json', structuredClone(units))).toEqual([]));
  it.each([
    ['units.schema.json', { items: [{ id: 'dkko', parent: null }] }, 'items[0]', 'не хватает обязательного свойства «items[0].name»'],
    ['units.schema.json', { items: [{ id: 'dkko', name: 'Д', parent: null, head: 'x' }] }, 'items[0].head', 'неизвестное свойство «items[0].head»: удалите его или проверьте написание; допустимые: id, name, parent, sample'],
    ['units.schema.json', { items: [{ id: 'dkko', name: 'Д', parnt: null }] }, 'items[0].parnt', 'неизвестное свойство «items[0].parnt»: возможно, имелось в виду «parent»; допустимые: id, name, parent, sample'],
    ['access-levels.schema.json', { items: [{ id: 'public', name: 'Открыто', rank: 'ноль', restriction: 'нет' }] }, 'items[0].rank', 'свойство «items[0].rank»: ожидается целое число, указано строка "ноль"'],
    ['document-types.schema.json', { items: [{ prefix: 'PT', name: 'Политика', plural: 'Политики' }] }, 'items[0].prefix', 'свойство «items[0].prefix»: значение "PT" не соответствует образцу ^[А-ЯЁ]{1,4}$'],
    ['standard.schema.json', { id: 'iso-1', designation: 'ISO 1', body: 'ISO', number: '1', year: 2015, title: { ru: 'Р', en: 'E' }, status: 'active', supersededBy: null, clauses: [] }, 'status', 'свойство «status»: недопустимое значение "active"; допустимые: "current", "withdrawn"'],
  ])('%s: %s', (schema, data, field, message) => {
    expect(ajvIssues(schema, data).map((i) => [formatPath(i.path), i.message])).toContainEqual([field, message]);
  });
});

describe('schema errors are located in the file', () => {
  it('points at the field line of a JSON registry and of a frontmatter', async () => {
    const units = readFileSync(path.join(projectRoot, 'content/registries/units.json'), 'utf8').replace('"parent": "kc"', '"parent": 7');
    const mdx = readFileSync(path.join(projectRoot, 'content/documents/pt-035/editions/1.0.mdx'), 'utf8').replace('approved: 2023-03-01', 'approved: 01.03.2023');
    const root = await contentRoot({ 'registries/units.json': units, 'documents/pt-035/editions/1.0.mdx': mdx });
    const result = await check({ root, buildDate: '2026-11-26', sites: internalSites('2026-11-26') });
    const lines = formatMessages(root, result.messages).filter((l) => l.includes('schema/invalid'));
    const unitsLine = units.split('\n').findIndex((l) => l.includes('"parent": 7')) + 1;
    expect(lines).toEqual([
      `documents/pt-035/editions/1.0.mdx:6:11  error  свойство «approved»: дата пишется в формате ГГГГ-ММ-ДД: «01.03.2023» — это 2023-03-01  schema/invalid`,
      expect.stringMatching(new RegExp(`^registries/units\\.json:${unitsLine}:\\d+  error  свойство «items\\[1\\]\\.parent»: ожидается строка или null, указано число 7  schema/invalid$`)),
    ]);
  });
});
