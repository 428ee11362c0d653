/**
 * `npm run bench:ack [-- --employees 1000 --concurrency 100 --postgres]`: the acknowledgement service as
 * its own process on loopback, on SQLite in a temporary folder, or with --postgres on a private
 * PostgreSQL cluster started for the run (as the tests do), each employee acknowledging ПТ-035 1.0 once. Prints acknowledgements per second and
 * latency percentiles; the figures go in README «Ознакомление».
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ackEnvironment, openStore } from '../src/ack/open-store.ts';
import { crowd } from '../test/helpers/ack.ts';
import { acknowledge, startService } from '../test/helpers/ack-process.ts';
import { startPostgres } from '../test/helpers/postgres.ts';

const { values } = parseArgs({
  options: { employees: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '100' }, postgres: { type: 'boolean', default: false } },
});
const total = Number(values.employees);
const concurrency = Number(values.concurrency);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nd-ack-bench-'));
const cluster = values.postgres ? await startPostgres() : undefined;
const env: Record<string, string> = cluster ? { ND_ACK_DATABASE_URL: await cluster.database() } : { ND_ACK_DATA: dataDir };
const store = await openStore(ackEnvironment(process.cwd(), env));
const employees = crowd(total);
await store.replaceEmployees(employees);
const startedAt = performance.now();
const service = await startService(env);
const startup = performance.now() - startedAt;
const latencies: number[] = [];
let failed = 0;
let next = 0;
const began = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < employees.length) {
      const login = employees[next++]!.login;
      const t = performance.now();
      const status = await acknowledge(service.url, login);
      latencies.push(performance.now() - t);
      if (status !== 201) failed++;
    }
  }),
);
const elapsed = (performance.now() - began) / 1000;
await service.stop();
const records = await store.countRecords();
await store.close();
rmSync(dataDir, { recursive: true, force: true });
await cluster?.stop();
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!.toFixed(1);
process.stdout.write(
  [
    `нагрузка машины (load average): ${os.loadavg()[0]!.toFixed(1)} на ${os.availableParallelism()} ядра`,
    `база: ${store.kind === 'sqlite' ? 'SQLite (WAL, synchronous=FULL)' : 'PostgreSQL'}; сотрудников ${total}, одновременно ${concurrency}`,
    `запуск службы (проверка содержимого): ${(startup / 1000).toFixed(1)} с`,
    `ознакомлений в секунду: ${(total / elapsed).toFixed(0)} (${total} за ${elapsed.toFixed(2)} с), записей в базе ${records}, неудачных ответов ${failed}`,
    `задержка: p50 ${pct(50)} мс, p99 ${pct(99)} мс, max ${latencies.at(-1)!.toFixed(1)} мс`,
  ].join('\n') + '\n',
);
