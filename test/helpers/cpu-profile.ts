import { readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * With `ND_TEST_CPU=<file>`, each test file appends one JSON line to <file>: the CPU time (user +
 * system, seconds) its worker process used while the file ran (`self`: the file's imports and tests)
 * and that of every process it waited for (`children`: builds, Chromium,
 * LibreOffice, nginx…), read from /proc/self/stat, and the seconds since this setup file ran. Finds
 * what the suite spends its cores on (`ND_TEST_CPU=/tmp/cpu.jsonl npx vitest run`); without the
 * variable it does nothing.
 */
const target = process.env.ND_TEST_CPU;

/** utime + stime and cutime + cstime of this process (fields 14–17 of /proc/self/stat), in seconds. */
function cpu(): { self: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name start at field 3 (state): field n is fields[n - 3].
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { self: (fields[11]! + fields[12]!) / 100, children: (fields[13]! + fields[14]!) / 100 };
}

if (target) {
  // Worker processes are reused from one test file to the next (vitest.config.ts): a file's share is
  // what its process used between this setup file running for it and its last hook.
  const started = performance.now();
  const before = cpu();
  afterAll(async ({}, suite) => {
    const after = cpu();
    const used = { self: round(after.self - before.self), children: round(after.children - before.children) };
    const file = path.relative(process.cwd(), suite.file.filepath);
    const line = { file, pid: process.pid, wall: (performance.now() - started) / 1000, ...used };
    await appendFile(target, `${JSON.stringify(line)}\n`);
  });
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;
