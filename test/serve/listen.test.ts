import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePortFree, listenOn, parsePort } from '../../src/serve/listen.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** A port another program holds for the length of this file. */
const holder = createServer();
let taken: number;
beforeAll(async () => {
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  taken = (holder.address() as AddressInfo).port;
});
afterAll(() => void holder.close());

describe('the port npm start listens on', () => {
  it.each([
    [undefined, 4321],
    ['', 4321],
    ['8080', 8080],
    ['abc', 'PORT=abc: ожидается номер порта от 1 до 65535'],
    ['0', 'PORT=0: ожидается номер порта от 1 до 65535'],
    ['65536', 'PORT=65536: ожидается номер порта от 1 до 65535'],
    ['80.5', 'PORT=80.5: ожидается номер порта от 1 до 65535'],
  ])('PORT=%j → %j', (value, expected) => {
    expect(parsePort(value, 4321)).toBe(expected);
  });

  it('a taken port is a reason, not an unhandled error event', async () => {
    await expect(listenOn(createServer(), taken, '127.0.0.1')).rejects.toThrow(`адрес 127.0.0.1:${taken} уже занят другой программой`);
    await expect(ensurePortFree('127.0.0.1', taken)).rejects.toThrow('уже занят');
  });

  it('a free port is left free after the probe', async () => {
    const server = await listenOn(createServer(), 0, '127.0.0.1');
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await ensurePortFree('127.0.0.1', port);
    const again = await listenOn(createServer(), port, '127.0.0.1');
    await new Promise<void>((resolve) => again.close(() => resolve()));
  });

  it.each([
    ['abc', /^✗ PORT=abc: ожидается номер порта от 1 до 65535$/],
    ['taken', /^✗ адрес 127\.0\.0\.1:\d+ уже занят другой программой: остановите её или задайте другой порт \(PORT=…\)$/],
  ])('npm start with PORT=%s: exit 1 and the reason before any build, no stack trace', (value, message) => {
    const run = spawnSync(process.execPath, ['scripts/serve.ts', '--no-build'], {
      cwd: projectRoot,
      env: { ...process.env, PORT: value === 'taken' ? String(taken) : value },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(message);
  });
});
