import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaFields } from '../../src/lib/schema-fields.ts';
import { JSON_SCHEMAS } from '../../src/schemas/index.ts';
import { jsonSchemaFor } from '../../src/schemas/json-schema.ts';
import type { BuildResult } from '../helpers/build-site.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { decodeEntities, hrefs, pageText } from '../helpers/html.ts';

/**
 * The real content built once, at a date after some sample due dates (so the board has overdue
 * actions): the appendices of ПТ-035 lead to every quality and audit page, all plain HTML.
 */
let build: BuildResult;
const DATE = '2027-02-15';
const file = (url: string) => path.join(build.outDir, url, url.endsWith('/') ? 'index.html' : '');
const read = (url: string) => readFileSync(file(url), 'utf8');
/** The page body without the site header, so navigation links do not count as «reachable». */
const main = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
const rows = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

beforeAll(async () => {
  build = await sharedBuild('real', { date: DATE });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
});

const PAGES = [
  '/quality-standards/customer-service/',
  '/quality-standards/communication-services/',
  '/audits/',
  '/audits/2026/',
  '/audits/plans/2026-03/',
  '/audits/plans/2026-04/',
  '/audits/reports/2026-03/',
  '/audits/reports/2026-04/',
  '/audits/actions/',
];

describe('quality and audit pages', () => {
  it('are reachable from the appendices of ПТ-035 through page content alone', () => {
    const seen = new Set<string>();
    const queue = ['/nd/pt-035/appendices/1/', '/nd/pt-035/appendices/2/', '/nd/pt-035/appendices/3/'];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url) || !existsSync(file(url))) continue;
      seen.add(url);
      if (!url.endsWith('/')) continue;
      for (const href of hrefs(main(read(url)))) {
        const target = href.split('#')[0] ?? '';
        if (target.startsWith('/') && !seen.has(target)) queue.push(target);
      }
    }
    for (const page of [...PAGES, '/schemas/audit-program.schema.json', '/schemas/audit-plan.schema.json', '/schemas/audit-report.schema.json']) {
      expect(seen, page).toContain(page);
    }
  });

  it('mark their sample data on every page', () => {
    for (const page of [...PAGES, '/quality-standards/', '/nd/pt-035/appendices/1/']) expect(read(page), page).toContain('data-sample');
  });

  it('are in the site navigation', () => {
    expect(hrefs(read('/')).filter((h) => h === '/audits/')).toHaveLength(1);
  });

  it('reports the overdue actions as warnings without stopping the build', () => {
    expect(build.stdout.match(/audit\/overdue-action/g)).toHaveLength(2);
  });
});

describe('Appendix 2 and the standard pages', () => {
  it('lists each standard with a link to its page', () => {
    const links = hrefs(main(read('/nd/pt-035/appendices/2/'))).filter((h) => h.startsWith('/quality-standards/'));
    expect(links).toEqual(['/quality-standards/customer-service/', '/quality-standards/communication-services/']);
  });

  it('shows the requirements table with clause links that land on a clause of ISO 9001:2015', () => {
    const html = read('/quality-standards/customer-service/');
    expect(rows(html, /<tr id="req-([A-Z]+-\d+)"/g)).toEqual(['CS-01', 'CS-02', 'CS-03', 'CS-04', 'CS-05', 'CS-06', 'CS-07', 'CS-08', 'CS-09']);
    expect(pageText(html)).toContain('Оператор контакт-центра отвечает на звонок не позже 60 секунд. контакт-центр');
    const iso = read('/standards/iso-9001-2015/');
    const clauses = hrefs(html).filter((h) => h.startsWith('/standards/iso-9001-2015/#'));
    expect(clauses.length).toBeGreaterThan(9);
    for (const href of clauses) expect(iso).toContain(`id="${href.split('#')[1]}"`);
  });
});

describe('Appendix 3: templates from the schemas', () => {
  it.each([
    ['program', 'audit-program.schema.json'],
    ['plan', 'audit-plan.schema.json'],
    ['report', 'audit-report.schema.json'],
  ])('%s template lists every schema field with its required flag', (id, schema) => {
    const html = read('/nd/pt-035/appendices/3/');
    const section = new RegExp(`<section[^>]*id="template-${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
    const shown = [...section.matchAll(/<tr data-required="(да|нет)"[^>]*>\s*<th[^>]*><code[^>]*>([^<]+)<\/code>/g)].map((m) => [
      decodeEntities(m[2] ?? ''),
      m[1],
    ]);
    expect(shown).toEqual(schemaFields(jsonSchemaFor(schema)).map((f) => [f.path, f.required ? 'да' : 'нет']));
  });

  it('links every template to its schema and to the filled records', () => {
    const links = hrefs(main(read('/nd/pt-035/appendices/3/')));
    for (const href of ['/schemas/audit-program.schema.json', '/audits/2026/', '/audits/plans/2026-03/', '/audits/reports/2026-04/', '/audits/actions/'])
      expect(links).toContain(href);
  });
});

describe('Appendix 1: the QMS map', () => {
  it('has a row per clause 4.1–10.3, each naming a process and a document', () => {
    const html = read('/nd/pt-035/appendices/1/');
    const clauses = rows(html, /<tr id="qms-([\d.]+)"/g);
    expect(clauses).toHaveLength(28);
    expect(clauses.slice(0, 3)).toEqual(['4.1', '4.2', '4.3']);
    expect(clauses.at(-1)).toBe('10.3');
    expect(hrefs(main(html))).toContain('/nd/pt-035/appendices/3/');
    expect(html).not.toContain('Не описаны пункты');
  });
});

describe('audit pages', () => {
  it('the program is a calendar: one mark per audit, in its month', () => {
    const html = read('/audits/2026/');
    const marks = [...html.matchAll(/<tr id="audit-([\d-]+)"[\s\S]*?<\/tr>/g)].map((row) => [row[1], rows(row[0], /data-month="([\d-]+)"[^>]*>\s*<span/g)]);
    expect(marks).toEqual([
      ['2026-01', ['2026-02']],
      ['2026-02', ['2026-03']],
      ['2026-03', ['2026-04']],
      ['2026-04', ['2026-06']],
      ['2026-05', ['2026-09']],
      ['2026-06', ['2026-10']],
    ]);
    expect(html.match(/data-covered="нет"/g)).toBeNull();
    expect(html.match(/data-covered="да"/g)).toHaveLength(28);
  });

  it('a report lists its findings and its action plans', () => {
    const html = read('/audits/reports/2026-03/');
    expect(rows(html, /<tr id="finding-(\d+)" data-type="([^"]+)"/g)).toEqual(['1', '2', '3', '4', '5']);
    expect(rows(html, /<tr id="finding-\d+" data-type="([^"]+)"/g)).toEqual([
      'значительное несоответствие',
      'незначительное несоответствие',
      'наблюдение',
      'возможность для улучшения',
      'возможность для улучшения',
    ]);
    expect(html).toContain('id="actions"');
    expect(html).toContain('id="improvements"');
  });

  it('a plan names its team from the auditor registry', () => {
    const text = pageText(read('/audits/plans/2026-03/'));
    expect(text).toContain('Аудитор А. Примеров Руководитель группы аудита');
    expect(text).toContain('Аудитор В. Тестов Аудитор');
  });

  it('the board counts open, overdue and closed actions at the build date', () => {
    const html = read('/audits/actions/');
    const total = /<tfoot>([\s\S]*?)<\/tfoot>/.exec(html)?.[1] ?? '';
    expect(rows(total, /data-state="(\w+)"[^>]*>(\d+)</g)).toEqual(['overdue', 'open', 'closed']);
    expect([...total.matchAll(/data-state="\w+"[^>]*>(\d+)</g)].map((m) => Number(m[1]))).toEqual([2, 1, 2]);
    expect(html.match(/<tr data-state="overdue"/g)).toHaveLength(2);
  });
});

describe('published JSON Schemas', () => {
  it.each(Object.keys(JSON_SCHEMAS))('/schemas/%s is the committed schema', (name) => {
    expect(read(`/schemas/${name}`)).toBe(readFileSync(path.join(import.meta.dirname, '../../schemas', name), 'utf8'));
  });
});
