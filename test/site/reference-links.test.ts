import type { Server } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { documentTitle } from '../../src/lib/titles.ts';
import { launchChromium } from '../browser/search-page.ts';
import { buildSite } from '../helpers/build-site.ts';
import { overlayFixture } from '../helpers/content-root.ts';
import { restrictedCorpus } from '../helpers/restricted-corpus.ts';

/**
 * References are links. A public document (ПР-910) cites, in plain prose, ПТ-035, «п. 9.2 ISO 9001:2015»,
 * ISO 19011:2018, «Приложение 3 «…» к ПТ-035», «приложения 1 и 2 к Политике ПТ-035», its own «раздел 1»
 * and the trade-secret ПР-901. Built for the internal audience and clicked through in Chromium.
 */
let outDir = '';
let html = '';
let server: Server;
let browser: Browser;
let page: Page;
let base = '';

beforeAll(async () => {
  const root = await restrictedCorpus();
  await overlayFixture(root, 'links');
  const built = await buildSite({ root, date: '2026-11-26' });
  if (built.code !== 0) throw new Error(`сборка не удалась:\n${built.stdout}\n${built.stderr}`);
  outDir = built.outDir;
  html = await readFile(path.join(outDir, 'nd/pr-910/index.html'), 'utf8');
  server = await startServer(outDir, 0);
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (outDir) await rm(path.dirname(outDir), { recursive: true, force: true });
});

/** The body's reference links: [text, href, title]. */
const links = () =>
  [...html.matchAll(/<a href="([^"]*)" title="([^"]*)" class="ref">([^<]*)<\/a>/g)].map(([, href, title, text]) => [
    text,
    href,
    title?.replace(/&#x3C;|&quot;/g, ''),
  ]);

describe('every resolved reference in prose is a link with the target’s full title', () => {
  it('codes, standards, clauses, appendices of another document and the text’s own section', () => {
    expect(links()).toEqual([
      ['ПТ-035', '/nd/pt-035/', 'ПТ-035 Политика МТС в области качества и управления клиентским опытом'],
      ['п. 9.2 ISO 9001:2015', '/standards/iso-9001-2015/#clause-9.2', 'ISO 9001:2015, п. 9.2 «Внутренний аудит»'],
      ['ISO 19011:2018', '/standards/iso-19011-2018/', expect.stringMatching(/^ISO 19011:2018 «/)],
      [
        'Приложении 3 «Шаблоны программы, плана и отчёта по проведению аудитов СМК»',
        '/nd/pt-035/appendices/3/',
        'Приложение 3 «Шаблоны программы, плана и отчёта по проведению аудитов СМК» к ПТ-035',
      ],
      ['ПТ-035', '/nd/pt-035/', expect.any(String)],
      ['приложениях 1', '/nd/pt-035/appendices/1/', 'Приложение 1 «Руководство по системе менеджмента качества» к ПТ-035'],
      ['2', '/nd/pt-035/appendices/2/', 'Приложение 2 «Система стандартов качества Группы МТС» к ПТ-035'],
      ['ПТ-035', '/nd/pt-035/', expect.any(String)],
      ['разделе 1', `#${encodeURIComponent('1-общие-положения')}`, '1. Общие положения'],
      // In a heading and in table cells too: every reference the checker resolves.
      ['ПТ-035', '/nd/pt-035/', expect.any(String)],
      ['ПТ-035', '/nd/pt-035/', expect.any(String)],
      ['п. 7.5 ISO 9001:2015', '/standards/iso-9001-2015/#clause-7.5', 'ISO 9001:2015, п. 7.5 «Документированная информация»'],
    ]);
    expect(html).toMatch(/<h2 id="2-связь-с-пт-035">2\. Связь с <a href="\/nd\/pt-035\/"/);
  });

  it('a document the audience may not see keeps its code, marked, without a link or its title', () => {
    expect(html).toMatch(
      /<span class="restricted-ref" title="ПР-901: документ ограниченного доступа">ПР-901<\/span><small class="restricted-note"> \(документ ограниченного доступа\)<\/small>/,
    );
    expect(html).not.toContain('href="/nd/pr-901/');
    expect(html).not.toContain('qxzmarktitle');
  });
});

describe('in Chromium', () => {
  it('a click on «ПТ-035» in another document’s text opens ПТ-035', async () => {
    await page.goto(`${base}/nd/pr-910/`);
    await page.locator('#content a.ref', { hasText: 'ПТ-035' }).first().click();
    await page.waitForURL(`${base}/nd/pt-035/`);
    expect(await page.locator('h1').innerText()).toContain('Политика МТС в области качества');
  });

  it('a clause reference lands on the clause’s anchor in the standard’s page', async () => {
    await page.goto(`${base}/nd/pr-910/`);
    await page.locator('#content a.ref', { hasText: 'п. 9.2' }).click();
    await page.waitForURL(`${base}/standards/iso-9001-2015/#clause-9.2`);
    expect(await page.locator('[id="clause-9.2"]').innerText()).toContain('Внутренний аудит');
  });

  it('a cross-document appendix reference opens that appendix', async () => {
    await page.goto(`${base}/nd/pr-910/`);
    await page.locator('#content a.ref', { hasText: 'Приложении 3' }).click();
    await page.waitForURL(`${base}/nd/pt-035/appendices/3/`);
    expect(await page.locator('h1').innerText()).toContain('Приложение 3');
  });
});

describe('titles never double the type', () => {
  it('composes kind and title once', () => {
    expect(documentTitle('Политика', 'Политика МТС в области качества')).toBe('Политика МТС в области качества');
    expect(documentTitle('Регламент', 'Порядок аудита')).toBe('Регламент «Порядок аудита»');
    expect(documentTitle('Политика', 'Политики и процедуры')).toBe('Политика «Политики и процедуры»');
    expect(documentTitle(undefined, 'Порядок')).toBe('Порядок');
  });

  it('in the H1, the <title>, the print head, the home page and the feed', async () => {
    const policy = await readFile(path.join(outDir, 'nd/pt-035/index.html'), 'utf8');
    const feed = await readFile(path.join(outDir, 'feed.xml'), 'utf8');
    const home = await readFile(path.join(outDir, 'index.html'), 'utf8');
    for (const text of [policy, feed, home]) expect(text).not.toContain('Политика «Политика');
    expect(policy).toMatch(/<title>ПТ-035 Политика МТС в области качества/);
    expect(policy).toMatch(/<h1><span data-pagefind-meta="title">Политика МТС в области качества/);
  });
});
