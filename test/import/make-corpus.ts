/**
 * `npm run test:corpus`: has LibreOffice and pandoc write the import tests' corpus (test/import/corpus.ts)
 * again and keeps it in test/import/corpus/ with its manifest. Run it after changing a variation, the
 * pandoc source or ПТ-035's source text; the suite says when it is due (`staleCorpus`).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCorpus, CORPUS_DIR, writeManifest } from './corpus.ts';

const firstLine = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0]!.trim();

const dir = await mkdtemp(path.join(tmpdir(), 'nd-corpus-make-'));
try {
  const files = await buildCorpus(dir);
  await rm(CORPUS_DIR, { recursive: true, force: true });
  for (const folder of Object.keys(files)) await cp(path.join(dir, folder), path.join(CORPUS_DIR, folder), { recursive: true });
  await writeManifest({ soffice: firstLine('soffice', ['--version']), pandoc: firstLine('pandoc', ['--version']) });
  const count = Object.values(files).flat().length;
  process.stdout.write(`корпус: файлов ${count} → ${path.relative(process.cwd(), CORPUS_DIR)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
