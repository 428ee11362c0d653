import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/ack/report.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { EMPLOYEES, sqliteBackend } from '../helpers/ack.ts';
import { startService, type RunningService } from '../helpers/ack-process.ts';
import { buildSite } from '../helpers/build-site.ts';
import { startSsiNginx, type SsiNginx } from '../helpers/nginx.ts';
import { startNginx, type RunningNginx } from '../../src/serve/nginx.ts';
import { freePort } from '../helpers/postgres.ts';
import { launchChromium } from './search-page.ts';

/**
 * Issue 22, done when: in the browser, against nginx and the service, an employee of a concerned unit
 * opens ПТ-035, acknowledges it and appears as acknowledged in the unit's report; an employee of another
 * unit sees no button. Against the shipped deploy/nginx/nd.conf (sites per audience, its CSP, /api/
 * proxied) with the page's script, and against the SSI variant with no JavaScript at all.
 */
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let outDir: string;
let service: RunningService;
let shipped: RunningNginx;
let ssi: SsiNginx;
/** The shipped configuration's address. */
let site: string;
let browser: Browser;

beforeAll(async () => {
  const built = await buildSite({ args: ['--audiences', 'public,internal'] });
  if (built.code !== 0) throw new Error(`сборка не удалась:\n${built.stdout}\n${built.stderr}`);
  outDir = built.outDir;
  const { store, env } = await sqliteBackend().fresh();
  await store.replaceEmployees(EMPLOYEES);
  await store.close();
  service = await startService(env);
  const port = await freePort();
  shipped = await startNginx(path.join(path.dirname(outDir), 'nginx'), {
    dist: outDir,
    listen: ['127.0.0.1'],
    port,
    ackPort: Number(new URL(service.url).port),
  });
  site = `http://127.0.0.1:${port}`;
  ssi = await startSsiNginx(path.join(outDir, 'internal'), service.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await shipped?.stop();
  await ssi?.stop();
  await service?.stop();
  if (outDir) await rm(path.dirname(outDir), { recursive: true, force: true });
});

const today = () => `Вы ознакомились ${formatDate(localDay(new Date()))}`;
/** A reader as the sign-on proxy announces them: the internal audience, their login. */
const signOn = (login: string) => ({ 'X-ND-Audience': 'internal', 'X-ND-User': login });
const as = (login: string, javaScriptEnabled: boolean) => browser.newContext({ javaScriptEnabled, extraHTTPHeaders: signOn(login) });

describe('лист ознакомления in the browser, nginx + service', () => {
  it('without JavaScript (SSI): a contact-centre employee acknowledges ПТ-035 and appears in the unit report', async () => {
    const context = await as('ivanov', false);
    const page = await context.newPage();
    await page.goto(`${ssi.ssi}/nd/pt-035/`);
    const button = page.getByRole('button', { name: 'Ознакомлен(а)' });
    await expect(button.isVisible()).resolves.toBe(true);
    await expect(page.locator('.ack-form').textContent()).resolves.toContain('ПТ-035, редакция 1.0 от 1 апреля 2023 г.');
    await Promise.all([page.waitForURL(`${ssi.ssi}/nd/pt-035/#acknowledge`), button.click()]);
    await expect(page.locator('.ack-done').textContent()).resolves.toBe(today());
    await expect(page.getByRole('button', { name: 'Ознакомлен(а)' }).count()).resolves.toBe(0);
    await context.close();

    const report = await fetch(`${site}/api/ack/report?code=${encodeURIComponent('ПТ-035')}&version=1.0&unit=customer-service`, { headers: signOn('smirnov') });
    expect(report.status).toBe(200);
    const rows = (await report.json()).rows as { login: string; state: string }[];
    expect(rows.find((r) => r.login === 'ivanov')?.state).toBe('acknowledged');
    expect(rows.find((r) => r.login === 'smirnov')?.state).not.toBe('acknowledged');
  });

  it('an employee of a unit the edition does not concern sees no button, with or without JavaScript', async () => {
    for (const [base, js] of [
      [ssi.ssi, false],
      [site, true],
    ] as const) {
      const context = await as('petrov', js);
      const page = await context.newPage();
      await page.goto(`${base}/nd/pt-035/1.0/`, { waitUntil: 'networkidle' });
      await expect(page.locator('#acknowledge h2').textContent()).resolves.toBe('Лист ознакомления');
      // The page says whom the edition concerns, to everyone, with subordinate units named as such.
      await expect(page.locator('#acknowledge p').first().textContent()).resolves.toMatch(
        /сотрудники подразделений: «Блок Маркетинга» \(включая подчинённые подразделения\), «Департамент клиентского сервиса» \(включая подчинённые подразделения\); исполняющие роли: «Представитель руководства по качеству» — в течение 30 дн\. с даты введения в действие, до 1 мая 2023 г\./,
      );
      await expect(page.locator('.ack-slot').innerHTML()).resolves.not.toMatch(/form|button/);
      await context.close();
    }
  });

  it("the public site has the list of whom it concerns but no slot and no script: the service is the intranet's", async () => {
    const html = await readFile(path.join(outDir, 'public/nd/pt-035/index.html'), 'utf8');
    expect(html).toContain('Лист ознакомления');
    expect(html).not.toMatch(/ack-slot|scripts\/ack\.js|include virtual/);
  });

  it('with JavaScript, through the shipped nginx configuration and its CSP, the page script shows the button and acknowledges without leaving the page; the matrix shows the figures', async () => {
    const context = await as('kuznetsova', true);
    const page = await context.newPage();
    // CSP violations caused by the acknowledgement's script or requests (other parts of the page are not this test's).
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const refused = async () =>
      (await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).filter((v) => /scripts\/ack\.js|\/api\/ack/.test(v));
    const response = await page.goto(`${site}/nd/pt-035/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const button = page.getByRole('button', { name: 'Ознакомлен(а)' });
    await button.waitFor();
    await button.click();
    await page.locator('.ack-done').waitFor();
    await expect(page.locator('.ack-done').textContent()).resolves.toBe(today());
    expect(page.url()).toBe(`${site}/nd/pt-035/`);
    expect(await refused()).toEqual([]);
    await page.goto(`${site}/coverage/`);
    const figures = page.locator('#clause-7\\.3 [data-ack-summary]');
    await expect.poll(() => figures.textContent(), { timeout: 20_000 }).toMatch(/ознакомлены 2 из 4/);
    expect(await refused()).toEqual([]);
    await context.close();
  });

  it('the block with the button and the report links has no accessibility violations (axe)', async () => {
    // axe is injected as an inline script: this context alone bypasses the CSP to run it.
    const context = await browser.newContext({ extraHTTPHeaders: signOn('smirnov'), bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site}/nd/pt-035/1.0/`);
    await page.getByRole('button', { name: 'Ознакомлен(а)' }).waitFor();
    await expect(page.locator('.ack-report a').count()).resolves.toBe(2);
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: string, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run('#acknowledge', { resultTypes: ['violations'] })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
