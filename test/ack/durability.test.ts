import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { crowd, postgresBackend, realCatalog, sqliteBackend, type Backend } from '../helpers/ack.ts';
import { acknowledge, startService } from '../helpers/ack-process.ts';
import { projectRoot } from '../helpers/content-root.ts';

/**
 * «Nothing lost» (issue 22, item 5) against the real process on loopback, on both databases: a thousand
 * employees at once, SIGKILL in the middle of a load, a restart, a backup while serving.
 */
const N = 1000;
const backends: Backend[] = [sqliteBackend(), postgresBackend()];
afterAll(async () => {
  for (const backend of backends) await backend.stop();
});

describe.each(backends)('$name', (backend) => {
  it('SIGKILL in the middle of a load loses no answered acknowledgement; after a restart 1,000 employees at once give exactly 1,000 records; a backup taken meanwhile is consistent', async () => {
    await realCatalog();
    const { store, env } = await backend.fresh();
    // A smaller load to cut short (400, killed after 100 answers), then the thousand at once.
    const KILLED = 400;
    const [killed, crowdAtOnce] = [crowd(KILLED + N).slice(0, KILLED), crowd(KILLED + N).slice(KILLED)];
    await store.replaceEmployees([...killed, ...crowdAtOnce]);

    // 1. A load cut short by SIGKILL once a quarter of it has been answered.
    const first = await startService(env);
    const answered: string[] = [];
    let cut = false;
    const statuses = await Promise.all(
      killed.map(async (e) => {
        const status = await acknowledge(first.url, e.login);
        if (status === 201) answered.push(e.login);
        if (answered.length >= KILLED / 4 && !cut) {
          cut = true;
          first.child.kill('SIGKILL');
        }
        return status;
      }),
    );
    await first.stop();
    expect(cut).toBe(true);
    expect(statuses.filter((s) => s === 0).length, 'requests left unanswered by the kill').toBeGreaterThan(0);
    for (const login of answered) expect(await store.recordOf(login, 'ПТ-035', '1.0'), login).toBeDefined();
    const afterKill = await store.countRecords();

    // 2. A restart resumes: a thousand other employees at once, with a backup running meanwhile.
    const service = await startService(env);
    try {
      const backupFile = path.join(os.tmpdir(), `nd-ack-backup-${process.pid}-${backend.name}.${backend.name === 'SQLite' ? 'sqlite' : 'sql'}`);
      const load = Promise.all(crowdAtOnce.map((e) => acknowledge(service.url, e.login)));
      const backup = promisify(execFile)(process.execPath, ['scripts/ack.ts', 'backup', backupFile], { cwd: projectRoot, env: { ...process.env, ...env } });
      const atOnce = await load;
      const { stdout } = await backup;
      expect(atOnce.filter((s) => s === 201)).toHaveLength(N);
      expect(await store.countRecords()).toBe(afterKill + N);
      expect(stdout).toMatch(/копия базы: .* записей об ознакомлении: \d+/);
      if (backend.name === 'SQLite') {
        const copy = new DatabaseSync(backupFile, { readOnly: true });
        expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
        const copied = Number((copy.prepare('SELECT count(*) AS n FROM acknowledgements').get() as { n: number }).n);
        expect(copied).toBeGreaterThanOrEqual(afterKill);
        expect(copied).toBeLessThanOrEqual(afterKill + N);
        expect(Number((copy.prepare('SELECT count(*) AS n FROM employees').get() as { n: number }).n)).toBe(KILLED + N);
        copy.close();
      } else {
        const dump = readFileSync(backupFile, 'utf8');
        expect(dump).toContain('COPY public.acknowledgements');
        expect(dump).toContain('CREATE TRIGGER acknowledgements_append_only');
      }
      rmSync(backupFile, { force: true });

      // 3. The interrupted employees try again: who was answered gets 200, the rest 201; nothing doubles.
      const again = await Promise.all(killed.map((e) => acknowledge(service.url, e.login)));
      // (A record committed whose answer the kill cut off is also found: 200 for it too.)
      killed.forEach((e, i) => expect(answered.includes(e.login) ? [200] : [200, 201], e.login).toContain(again[i]));
      expect(await store.countRecords()).toBe(KILLED + N);
    } finally {
      await service.stop();
      await store.close();
    }
  });
});
