/**
 * `npm run bench:import [-- --count 200]`: generates DOCX files, imports them (--dry-run, into a
 * temporary copy of the content) and prints the time and peak memory. A benchmark, not a test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/config.ts';
import { importBatch } from '../src/import/batch.ts';
import { summaryTable } from '../src/import/report.ts';
import { docxFixture } from '../test/import/docx-fixture.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '200' } } });
const count = Number(values.count);
const dir = await mkdtemp(path.join(tmpdir(), 'nd-bench-import-'));
try {
  for (let i = 0; i < count; i++) {
    const n = String(100 + i).padStart(3, '0');
    await writeFile(path.join(dir, `rg-${n}.docx`), await docxFixture({ code: `РГ-${n}`, title: `Регламент для замера ${n}`, longRows: 20 }));
  }
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const config = loadConfig(process.cwd());
  const started = performance.now();
  const result = await importBatch({ inputs: [dir], out: config.contentRoot, dryRun: true, config });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(
    `${summaryTable(result)}\nфайлов: ${count}; время: ${seconds.toFixed(1)} с (${((seconds * 1000) / count).toFixed(0)} мс на файл, с проверкой); пиковая память (RSS): ${(peak / 2 ** 20).toFixed(0)} МБ\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
