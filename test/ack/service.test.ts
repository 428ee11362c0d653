import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/ack/app.ts';
import type { Catalog } from '../../src/ack/editions.ts';
import { sqliteFile } from '../../src/ack/sqlite-store.ts';
import type { Store } from '../../src/ack/store.ts';
import { EMPLOYEES, postgresBackend, realCatalog, sqliteBackend, type Backend } from '../helpers/ack.ts';
import { projectRoot } from '../helpers/content-root.ts';

/**
 * The service's interface (issue 22, item 6) on both databases: the same cases, run once on SQLite and
 * once on a private PostgreSQL cluster started for this file.
 */
const PT = { code: 'ПТ-035', version: '1.0' };
const ptQuery = `code=${encodeURIComponent(PT.code)}&version=${PT.version}`;
const settings = {
  trustedProxies: ['127.0.0.1', '::1'],
  reportRoles: ['quality-representative'],
  unitReportRoles: ['audited-unit-heads'],
  site: 'https://nd.example.ru',
};
const DEC_3 = () => new Date('2026-12-03T09:00:00Z');
const as = (login: string, extra: Record<string, string> = {}) => ({ 'x-nd-user': login, ...extra });

const backends: Backend[] = [sqliteBackend(), postgresBackend()];
afterAll(async () => {
  for (const backend of backends) await backend.stop();
});

describe.each(backends)('$name', (backend) => {
  let catalog: Catalog;
  let store: Store;
  let env: Record<string, string>;
  let app: ReturnType<typeof buildApp>;
  beforeAll(async () => {
    catalog = await realCatalog();
    ({ store, env } = await backend.fresh());
    await store.replaceEmployees(EMPLOYEES);
    app = buildApp(store, catalog, { ...settings, now: DEC_3 });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const post = (headers: Record<string, string>, payload: unknown, remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/ack',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(payload),
      remoteAddress,
    });

  it('acknowledges with 201, then 200 with the same record holding the digest of the published text', async () => {
    const first = await post(as('ivanov'), PT);
    expect(first.statusCode).toBe(201);
    const digest = createHash('sha256')
      .update(readFileSync(path.join(projectRoot, 'content/documents/pt-035/editions/1.0.mdx')))
      .digest('hex');
    expect(first.json().record).toEqual({ login: 'ivanov', code: 'ПТ-035', version: '1.0', digest, time: '2026-12-03T09:00:00.000Z' });
    expect(first.json().message).toBe('Вы ознакомились 3 декабря 2026 г.');
    const again = await post(as('ivanov'), PT);
    expect(again.statusCode).toBe(200);
    expect(again.json().record).toEqual(first.json().record);
    expect(await store.countRecords()).toBe(1);
  });

  it('takes the form without JavaScript and sends the reader back to the page (303); the widget then shows the date', async () => {
    const before = await app.inject({ url: `/api/ack/widget?${ptQuery}&page=/nd/pt-035/`, headers: as('kuznetsova') });
    expect(before.body).toContain('<button type="submit">Ознакомлен(а)</button>');
    expect(before.body).toContain('ПТ-035, редакция 1.0 от 1 апреля 2023 г.');
    expect(before.body).not.toMatch(/<script|style=/);
    const form = await app.inject({
      method: 'POST',
      url: '/api/ack',
      headers: { ...as('kuznetsova'), 'content-type': 'application/x-www-form-urlencoded', origin: 'https://nd.example.ru', 'sec-fetch-site': 'same-origin' },
      payload: new URLSearchParams({ ...PT, page: '/nd/pt-035/' }).toString(),
    });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('/nd/pt-035/#acknowledge');
    const after = await app.inject({ url: `/api/ack/widget?${ptQuery}`, headers: as('kuznetsova') });
    expect(after.body).toBe('<p class="ack-done" data-ack-state="acknowledged">Вы ознакомились 3 декабря 2026 г.</p>');
    const status = await app.inject({ url: `/api/ack/status?${ptQuery}`, headers: as('kuznetsova') });
    expect(status.json()).toMatchObject({ concerned: true, acknowledged: true, message: 'Вы ознакомились 3 декабря 2026 г.' });
  });

  it('shows nothing to a reader the edition does not concern, and refuses their acknowledgement', async () => {
    const widget = await app.inject({ url: `/api/ack/widget?${ptQuery}`, headers: as('petrov') });
    expect(widget.statusCode).toBe(200);
    expect(widget.body).toBe('');
    expect((await app.inject({ url: `/api/ack/status?${ptQuery}`, headers: as('petrov') })).json()).toMatchObject({ concerned: false, acknowledged: false });
    const refused = await post(as('petrov'), PT);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatch(/не касается вашего подразделения/);
  });

  it('answers bad input with a Russian 4xx and writes nothing', async () => {
    const count = await store.countRecords();
    const cases: [Promise<{ statusCode: number; json(): { error: string } }>, number, RegExp][] = [
      [post(as('smirnov'), { code: 'ПТ-999', version: '1.0' }), 404, /не найдена среди опубликованных/],
      [post(as('smirnov'), { ...PT, login: 'ivanov' }), 403, /нельзя подтвердить ознакомление за другого сотрудника/],
      [post({}, PT), 401, /нет заголовка X-ND-User/],
      [post(as('smirnov'), PT, '10.1.2.3'), 403, /не через прокси единого входа/],
      [post(as('smirnov', { origin: 'https://evil.example.com' }), PT), 403, /с другого сайта/],
      [post(as('smirnov', { 'sec-fetch-site': 'cross-site' }), PT), 403, /с другого сайта/],
      [post(as('smirnov'), { ...PT, extra: 'x'.repeat(10_000) }), 413, /слишком большой запрос/],
      [post(as('smirnov'), { code: 'ПТ-035' }), 400, /ожидается/],
      [post(as('stranger'), PT), 403, /нет в списке сотрудников/],
      [
        app.inject({ method: 'POST', url: '/api/ack', headers: { ...as('smirnov'), 'content-type': 'application/json' }, payload: '{"code":' }),
        400,
        /тело запроса не разобрано/,
      ],
      [app.inject({ method: 'POST', url: '/api/ack', headers: { ...as('smirnov'), 'content-type': 'text/plain' }, payload: 'ПТ-035' }), 415, /не принимается/],
    ];
    for (const [response, status, message] of cases) {
      const r = await response;
      expect(r.statusCode, message.source).toBe(status);
      expect(r.json().error).toMatch(message);
    }
    expect(await store.countRecords()).toBe(count);
    expect(await store.recordOf('smirnov', PT.code, PT.version)).toBeUndefined();
  });

  it('has no route that changes or deletes a record, and the database refuses it too', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const)
      expect((await app.inject({ method, url: '/api/ack', headers: as('ivanov') })).statusCode).toBe(404);
    const attempt =
      backend.name === 'SQLite'
        ? async () => {
            const db = new DatabaseSync(sqliteFile(env.ND_ACK_DATA!));
            try {
              db.exec("UPDATE acknowledgements SET time = '2020-01-01'");
            } finally {
              db.close();
            }
          }
        : async () => {
            const client = new pg.Client({ connectionString: env.ND_ACK_DATABASE_URL });
            await client.connect();
            try {
              await client.query('DELETE FROM acknowledgements');
            } finally {
              await client.end();
            }
          };
    await expect(attempt()).rejects.toThrow(/записи об ознакомлении не изменяются и не удаляются/);
    expect((await store.recordOf('ivanov', PT.code, PT.version))?.time).toBe('2026-12-03T09:00:00.000Z');
  });

  it('reports per edition and per unit to the roles that may read it, in JSON and in CSV for Excel', async () => {
    const report = await app.inject({ url: `/api/ack/report?${ptQuery}`, headers: as('sidorova') });
    expect(report.statusCode).toBe(200);
    const body = report.json();
    expect(body.rows.map((r: { login: string; unit: string; state: string }) => [r.login, r.unit, r.state])).toEqual([
      ['ivanov', 'contact-center', 'acknowledged'],
      ['kuznetsova', 'digital-channels', 'acknowledged'],
      ['sidorova', 'dkko', 'overdue'],
      ['smirnov', 'customer-service', 'overdue'],
    ]);
    expect(body.figures).toEqual({ concerned: 4, acknowledged: 2, pending: 0, overdue: 2 });
    const unit = await app.inject({ url: `/api/ack/report?${ptQuery}&unit=marketing`, headers: as('sidorova') });
    expect(unit.json().rows.map((r: { login: string }) => r.login)).toEqual(['kuznetsova', 'sidorova']);
    // A unit head sees their unit and the units under it, not another unit's.
    const head = await app.inject({ url: `/api/ack/report?${ptQuery}`, headers: as('smirnov') });
    expect(head.json().rows.map((r: { login: string }) => r.login)).toEqual(['ivanov', 'smirnov']);
    expect((await app.inject({ url: `/api/ack/report?${ptQuery}&unit=marketing`, headers: as('smirnov') })).statusCode).toBe(403);
    const denied = await app.inject({ url: `/api/ack/report?${ptQuery}`, headers: as('ivanov') });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatch(/отчёт об ознакомлении доступен ролям/);
    const csv = await app.inject({ url: `/api/ack/report?${ptQuery}&format=csv`, headers: as('sidorova') });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFКод;Редакция;Логин;ФИО;Подразделение;Состояние;Ознакомлен(а);Срок');
    expect(lines[1]).toBe('ПТ-035;1.0;ivanov;Иванов Иван (пример);Контакт-центр;ознакомлен(а);2026-12-03 12:00;2023-05-01');
  });

  it('gives figures without names to any employee for the clause matrix, and report links to the quality department', async () => {
    const summary = await app.inject({ url: '/api/ack/summary', headers: as('petrov') });
    expect(summary.json().editions).toEqual([
      {
        code: 'ПТ-035',
        version: '1.0',
        title: catalog.editions.get(`ПТ-035\u00001.0`)!.title,
        deadline: '2023-05-01',
        concerned: 4,
        acknowledged: 2,
        pending: 0,
        overdue: 2,
      },
    ]);
    expect((await app.inject({ url: '/api/ack/summary', headers: {} })).statusCode).toBe(401);
    const quality = await app.inject({ url: `/api/ack/widget?${ptQuery}`, headers: as('sidorova') });
    expect(quality.body).toContain('<button type="submit">Ознакомлен(а)</button>');
    expect(quality.body).toContain('<a href="/api/ack/report?code=%D0%9F%D0%A2-035&amp;version=1.0&amp;format=csv" download>CSV для Excel</a>');
    expect((await app.inject({ url: `/api/ack/widget?${ptQuery}`, headers: as('ivanov') })).body).not.toContain('ack-report');
  });

  it('counts an employee as pending before the deadline and overdue after it', async () => {
    const early = buildApp(store, catalog, { ...settings, now: () => new Date('2023-04-20T09:00:00Z') });
    const rows = (await early.inject({ url: `/api/ack/report?${ptQuery}`, headers: as('sidorova') })).json().rows;
    expect(rows.find((r: { login: string }) => r.login === 'sidorova').state).toBe('pending');
    await early.close();
  });

  it('trusts a proxy range written as CIDR, as nginx does, and nothing outside it', async () => {
    const behind = buildApp(store, catalog, { ...settings, trustedProxies: ['10.20.0.0/16', 'fd00::/8'], now: DEC_3 });
    const status = (remoteAddress: string) =>
      behind.inject({ url: `/api/ack/status?${ptQuery}`, headers: as('ivanov'), remoteAddress }).then((r) => r.statusCode);
    expect(await status('10.20.3.4')).toBe(200);
    expect(await status('fd00::7')).toBe(200);
    expect(await status('10.21.0.1')).toBe(403);
    expect(await status('127.0.0.1')).toBe(403);
    await behind.close();
  });

  it('applies each migration once', async () => {
    expect(await store.migrate()).toEqual([]);
  });
});
