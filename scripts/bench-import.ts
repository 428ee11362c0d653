/**
 * `npm run bench:import [-- --count 200]`: a folder tree of mixed files (DOCX in subfolders, saved
 * HTML pages, text exports), imported with --dry-run into a temporary copy of the content; prints the
 * seconds per DOCX, per file with the check, and the peak memory against the budgets (≤ 1 с на DOCX,
 * ≤ 500 МБ). A benchmark, not a test.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/config.ts';
import { importBatch } from '../src/import/batch.ts';
import { analyse } from '../src/import/pipeline.ts';
import { loadRegistries } from '../src/import/registries.ts';
import { summaryTable } from '../src/import/report.ts';
import { docxFixture } from '../test/import/docx-fixture.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '200' } } });
const count = Number(values.count);
const dir = await mkdtemp(path.join(tmpdir(), 'nd-bench-import-'));
try {
  const source = await readFile(path.join(import.meta.dirname, '../test/fixtures/sources/PT-035-source.txt'), 'utf8');
  const docx: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(100 + i).padStart(3, '0');
    const folder = path.join(dir, `раздел-${i % 7}`, i % 2 ? 'регламенты' : '');
    await mkdir(folder, { recursive: true });
    if (i % 8 === 6) {
      await writeFile(path.join(folder, `rk-${n}.html`), `<html><body><h1>Руководство «Образец ${n}» РК-${n}</h1><p>Текст руководства ${n}.</p></body></html>`);
    } else if (i % 8 === 7) {
      await writeFile(path.join(folder, `pt-${n}.txt`), source.replaceAll('ПТ-035', `ПТ-${n}`));
    } else {
      const file = path.join(folder, `rg-${n}.docx`);
      await writeFile(file, await docxFixture({ code: `РГ-${n}`, title: `Регламент для замера ${n}`, longRows: 20 }));
      docx.push(file);
    }
  }
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const config = loadConfig(process.cwd());
  // Reading and recognising alone, per DOCX: what the 1 s budget is about.
  const registries = await loadRegistries(config.contentRootAbs);
  const sample = docx.slice(0, Math.min(50, docx.length));
  const t0 = performance.now();
  for (const file of sample) await analyse(file, registries);
  const perDocx = (performance.now() - t0) / 1000 / sample.length;
  const started = performance.now();
  const result = await importBatch({ inputs: [dir], out: config.contentRoot, dryRun: true, config });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss) / 2 ** 20;
  const verdict = (ok: boolean) => (ok ? 'в бюджете' : 'ВНЕ БЮДЖЕТА');
  process.stdout.write(
    [
      summaryTable(result),
      `файлов: ${count} (DOCX ${docx.length}, HTML и текст ${count - docx.length}) в ${new Set(docx.map((f) => path.dirname(f))).size} папках`,
      `чтение и распознавание DOCX: ${perDocx.toFixed(3)} с на файл — ${verdict(perDocx <= 1)} (≤ 1 с)`,
      `весь пакет с записью во временную копию и проверкой: ${seconds.toFixed(1)} с, ${((seconds * 1000) / count).toFixed(0)} мс на файл`,
      `пиковая память (RSS): ${peak.toFixed(0)} МБ — ${verdict(peak <= 500)} (≤ 500 МБ)`,
      '',
    ].join('\n'),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
