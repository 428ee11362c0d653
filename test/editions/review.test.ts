import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import { addMonths, daysBetween } from '../../src/lib/dates.ts';
import { documentReview, reviewDate } from '../../src/model/review.ts';
import { ruleUnit } from '../../src/validation/rule-units.ts';
import { projectRoot } from '../helpers/content-root.ts';
import { checkOverlays } from '../helpers/rule-fixtures.ts';

const edition = (data: Record<string, unknown>) => ({
  data: { version: '1.0', status: 'утверждена' as const, approved: '2023-01-31', effective: '2023-02-01', ...data },
});

describe('periodic review dates', () => {
  it('adds months with the day clamped to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-03-01', 36)).toBe('2026-03-01');
    expect(daysBetween('2025-03-01', '2025-04-10')).toBe(40);
  });

  it('prefers nextReview, then the edition period, then the type period', () => {
    expect(reviewDate(edition({ nextReview: '2025-05-05', reviewPeriodMonths: 12 }).data, 36)).toEqual({ by: '2025-05-05', basis: 'nextReview' });
    expect(reviewDate(edition({ reviewPeriodMonths: 12 }).data, 36)).toMatchObject({ by: '2024-01-31', basis: 'reviewPeriodMonths' });
    expect(reviewDate(edition({}).data, 36)).toMatchObject({ by: '2026-01-31', basis: 'type' });
    expect(reviewDate(edition({}).data, undefined)).toBeUndefined();
  });

  it('judges the newest approved edition and none of a cancelled document', () => {
    const old = edition({});
    const next = edition({ version: '2.0', approved: '2025-01-10', effective: '2025-02-01' });
    expect(documentReview([old, next], 24, '2025-01-20', 60)).toMatchObject({ edition: next, by: '2027-01-10', state: 'ok' });
    expect(documentReview([old], 24, '2025-02-01', 60)).toMatchObject({ by: '2025-01-31', state: 'overdue' });
    expect(documentReview([old], 24, '2024-12-20', 60)).toMatchObject({ state: 'due' });
    expect(documentReview([old], 24, '2024-11-20', 60)).toMatchObject({ state: 'ok' });
    const cancelled = edition({ status: 'отменена', cancelled: { date: '2024-01-01' } });
    expect(documentReview([cancelled], 24, '2025-01-20', 60)).toBeUndefined();
  });
});

describe('lead time from the configuration', () => {
  it('is read from nd.config.json review.leadDays, 60 by default', () => {
    expect(loadConfig(projectRoot, {}).review.leadDays).toBe(60);
  });

  it('reaches the checker through check() options', async () => {
    const fixture = path.join(ruleUnit('edition/review-due').dir, 'fail');
    const due = (lines: string[]) => lines.filter((l) => l.endsWith('edition/review-due')).map((l) => l.split(':')[0]);
    const wide = await checkOverlays([fixture], { rule: 'edition/review-due', buildDate: '2025-03-01' });
    expect(due(wide.lines)).toEqual(['documents/pr-931/editions/1.0.mdx', 'documents/pr-932/editions/1.0.mdx', 'documents/pr-933/editions/1.0.mdx']);
    const narrow = await checkOverlays([fixture], { rule: 'edition/review-due', buildDate: '2025-03-01', review: { leadDays: 15 } });
    expect(due(narrow.lines)).toEqual(['documents/pr-932/editions/1.0.mdx']);
  });
});
