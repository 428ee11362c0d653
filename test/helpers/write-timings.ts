import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TIMINGS } from './sequencer.ts';

/**
 * `npm run test:timings`: writes test/timings.json, the seconds each test file took in the last
 * `npm test` on this machine (Vitest's own cache), for the sequencer of a fresh clone
 * (test/helpers/sequencer.ts). Run it after `npm test` when files were added or got much slower.
 */
const cache = path.resolve(import.meta.dirname, '../../node_modules/.vite/vitest');
interface Results {
  projects: Record<string, { files: Record<string, { duration: number }> }>;
}
const timings: Record<string, number> = {};
let folders: string[] = [];
try {
  folders = readdirSync(cache, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
} catch {
  // No cache yet: reported below.
}
for (const folder of folders) {
  const results = JSON.parse(readFileSync(path.join(cache, folder, 'results.json'), 'utf8')) as Results;
  for (const project of Object.values(results.projects))
    for (const [file, { duration }] of Object.entries(project.files)) timings[file] = Math.round(duration / 100) / 10;
}
if (Object.keys(timings).length === 0) {
  console.error('Нет результатов прошлого прогона: сначала запустите npm test.');
  process.exit(1);
}
const sorted = Object.fromEntries(Object.entries(timings).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(TIMINGS, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`test/timings.json: ${Object.keys(sorted).length} файлов`);
