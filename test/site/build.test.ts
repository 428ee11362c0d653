import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../helpers/build-site.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { hrefs, pageText } from '../helpers/html.ts';

/**
 * The real content, built as `npm run build` builds it. ПТ-035's page must hold every sentence of
 * the exported source, with the export's artefacts gone.
 */
let build: BuildResult;
const read = (rel: string) => readFileSync(path.join(build.outDir, rel), 'utf8');

beforeAll(async () => {
  build = await sharedBuild('real', { date: '2026-11-26', args: ['--html-redirects'] });
  if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
});

/** What the old portal's export adds around the text: not content, so not published. */
const ARTEFACT_LINES = [
  /^\s*<b>Политика «Политика МТС в области качества и управления клиентским опытом в ПАО «МТС»»<\/b>\s*<b>ПТ-035<\/b>\s*$/, // repeated page header
  /^\s*Для неограниченного доступа\s*$/, // its second line (the access level itself is published in the passport)
  /^\*\*МТС\*\*$/, // logo
  /^Ты знаешь, что можешь!$/, // logo slogan
  // The old portal's form composed «<вид> «<наименование>»», doubling «Политика»; the page names the
  // document once (issue 12: titles never double the type). The test below asserts the name itself.
  /^(?:\*\*|## )Политика «Политика МТС в области качества и управления клиентским опытом»\**(?: ПТ-035)?$/,
];

const normalise = (text: string) =>
  text
    .replace(/<input type="checkbox"\/>/g, '\n')
    .replace(/<\/?b>|\*\*|^#+\s*|^\\/gm, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();

/** The source as fragments: lines, split at tabs (table cells) and at sentence ends. */
function sourceFragments(): string[] {
  // The export as received (copy of shared/sources/PT-035-source.txt), so the test runs in any clone.
  const source = readFileSync(path.resolve(import.meta.dirname, '../fixtures/sources/PT-035-source.txt'), 'utf8');
  return (
    source
      .split('\n')
      .filter((line) => !ARTEFACT_LINES.some((re) => re.test(line)))
      // «1. …» outside headings is a Markdown list item: its number is the list's, not text.
      .map((line) => line.replace(/^\d+\.\s+(?=\*\*)/, ''))
      .flatMap((line) => line.replace(/<input type="checkbox"\/>/g, '\t').split('\t'))
      .flatMap((cell) => cell.split(/(?<=[.;!?])\s+(?=[А-ЯA-Z0-9«"])/))
      .map(normalise)
      .filter((fragment) => fragment.length > 0)
  );
}

describe('ПТ-035 page', () => {
  it('holds every sentence of the source (artefacts aside)', () => {
    const page = normalise(pageText(read('nd/pt-035/index.html')));
    const fragments = sourceFragments();
    expect(fragments.length).toBeGreaterThan(60);
    const missing = fragments.filter((fragment) => !page.includes(fragment));
    expect(missing).toEqual([]);
    expect(read('nd/pt-035/index.html')).toMatch(
      /<h1><span data-pagefind-meta="title">Политика МТС в области качества и управления клиентским опытом<\/span> <span class="code" data-pagefind-meta="code">ПТ-035<\/span><\/h1>/,
    );
  });

  it('publishes none of the artefacts', () => {
    const html = read('nd/pt-035/index.html');
    expect(html).not.toContain('type="checkbox"');
    expect(html).not.toContain('&lt;b&gt;');
    expect(pageText(html)).not.toContain('клиентским опытом в ПАО «МТС»»'); // the header's variant of the title
    // The sentence the export split with a page header reads as one sentence again.
    expect(pageText(html)).toContain('Предоставляя инновационные услуги и решения, МТС вносит значимый вклад');
  });

  it('shows the seven roles from the registry, linked to the glossary', () => {
    const html = read('nd/pt-035/index.html');
    const roleRows = [...html.matchAll(/<tr id="role-([a-z-]+)"/g)].map((m) => m[1]);
    expect(roleRows).toEqual([
      'top-management',
      'quality-representative',
      'auditor',
      'action-owners',
      'audited-unit-heads',
      'unit-coordinator',
      'audit-team-leader',
    ]);
    for (const id of roleRows) expect(hrefs(html)).toContain(`/glossary/#role-${id}`);
  });

  it('links the four normative references to their catalog pages', () => {
    const links = hrefs(read('nd/pt-035/index.html')).filter((h) => /^\/standards\/.+/.test(h));
    expect([...new Set(links)]).toEqual(['/standards/iso-9001-2015/', '/standards/iso-9000-2015/', '/standards/iso-19011-2018/', '/standards/iso-9004-2018/']);
    for (const link of links) expect(existsSync(path.join(build.outDir, link, 'index.html'))).toBe(true);
  });

  it('lists the three appendices, each a page marked as sample', () => {
    const html = read('nd/pt-035/index.html');
    for (const n of [1, 2, 3]) {
      expect(hrefs(html)).toContain(`/nd/pt-035/appendices/${n}/`);
      const appendix = read(`nd/pt-035/appendices/${n}/index.html`);
      expect(appendix).toContain('data-sample');
    }
    expect(pageText(html)).toContain('Приложение 1 «Руководство по системе менеджмента качества»');
    expect(pageText(html)).toContain('Приложение 2 «Система стандартов качества Группы МТС»');
  });

  it('shows its passport, edition, sample mark and source link', () => {
    const html = read('nd/pt-035/index.html');
    const text = pageText(html);
    expect(text).toContain(
      'Ответственный за применение НД Корпоративный центр Группы МТС Блок Маркетинга Департамент качества и клиентского опыта Директор департамента',
    );
    expect(text).toContain('Ограничение доступа нет');
    expect(text).toMatch(/Действует Редакция 1\.0, введена в действие 1 апреля 2023 г\./);
    expect(html).toContain('data-sample');
    expect(hrefs(html)).toContain('https://git.example.ru/quality/normative-documents/-/blob/main/content/documents/pt-035/editions/1.0.mdx');
  });
});

describe('site', () => {
  it('lists ПТ-035 in the registry with its passport data', () => {
    const row = /<tr data-type="Политика"[^>]*data-code="ПТ-035"[^>]*>([\s\S]*?)<\/tr>/.exec(read('nd/index.html'));
    expect(row).not.toBeNull();
    expect(pageText(row?.[1] ?? '')).toBe(
      'ПТ-035 Политика МТС в области качества и управления клиентским опытом пример Политика 1.0 1 апреля 2023 г. Действует Для неограниченного доступа Департамент качества и клиентского опыта 1 апреля 2027 г.',
    );
  });

  it('redirects the Cyrillic code address to the stable one (--html-redirects, for plain static hosting)', () => {
    expect(read('nd/ПТ-035/index.html')).toMatch(/http-equiv="refresh" content="0;url=\/nd\/pt-035\/"/);
  });

  it('gives every ISO 9001:2015 clause a stable anchor', () => {
    const html = read('standards/iso-9001-2015/index.html');
    for (const clause of ['4', '4.4.1', '7.5.3', '9.2', '10.3']) expect(html).toContain(`id="clause-${clause}"`);
    expect(pageText(html)).toContain('9.2 Внутренний аудит Internal audit');
  });

  it('has a glossary, a catalog and a 404 page', () => {
    expect(pageText(read('glossary/index.html'))).toContain('Руководитель группы аудита');
    expect(pageText(read('standards/index.html'))).toContain('ГОСТ Р ИСО 9001-2015');
    expect(pageText(read('404.html'))).toContain('Страница не найдена');
  });
});
