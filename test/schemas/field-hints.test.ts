import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ajvIssues, formatPath } from '../../src/analysis/schema-issues.ts';
import { dottedDateHint, isoDate } from '../../src/schemas/common.ts';
import { edition } from '../../src/schemas/document.ts';

/** A date written as Russian documents write it is told back in the files' format, in frontmatter and JSON alike. */
describe('a date written 01.03.2023', () => {
  it.each([
    ['01.03.2023', '2023-03-01'],
    ['1.3.2023', '2023-03-01'],
    [' 31.12.2026 ', '2026-12-31'],
  ])('%j is %s', (written, iso) => {
    expect(dottedDateHint(written)).toBe(`дата пишется в формате ГГГГ-ММ-ДД: «${written}» — это ${iso}`);
  });

  it.each(['2023-03-01', '01/03/2023', '01.03.23', 20230301, undefined])('%j: no hint', (written) => {
    expect(dottedDateHint(written)).toBeUndefined();
  });

  it('in frontmatter (zod): the hint; any other wrong date: the general message', () => {
    const message = (input: string) => z.object({ approved: isoDate() }).safeParse({ approved: input }).error?.issues[0]?.message;
    expect(message('01.03.2023')).toBe('дата пишется в формате ГГГГ-ММ-ДД: «01.03.2023» — это 2023-03-01');
    expect(message('2023-02-30')).toBe('ожидается существующая дата в формате ГГГГ-ММ-ДД, например 2024-03-01');
  });

  it('in a JSON record (ajv): the same hint at its field', () => {
    const plan = { audit: '2026-03', objectives: ['x'], scope: 'x', criteria: {}, dates: { from: '01.03.2026', to: '2026-03-02' }, team: {}, coordinator: 'x' };
    const issues = ajvIssues('audit-plan.schema.json', plan).map((i) => [formatPath(i.path), i.message]);
    expect(issues).toContainEqual(['dates.from', 'свойство «dates.from»: дата пишется в формате ГГГГ-ММ-ДД: «01.03.2026» — это 2026-03-01']);
  });
});

describe('an access level written by its name', () => {
  it('is told to be written by its id, with an example, where a unit-id example misled', () => {
    const issue = edition.shape.access.safeParse('Для внутреннего использования').error?.issues[0]?.message;
    expect(issue).toBe(
      'уровень доступа пишется идентификатором из registries/access-levels.json, латиницей (например, internal), а не названием вроде «Для внутреннего использования»',
    );
    expect(edition.shape.access.safeParse('internal').success).toBe(true);
  });
});
