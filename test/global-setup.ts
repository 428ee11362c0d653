import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { verifySharedBuilds } from './helpers/shared-store.ts';

/**
 * Browser tests drive Debian's Chromium. `npm test` on a fresh Debian machine installs it when it can
 * (as root), so the README's one command is the whole set-up; otherwise it says what to install.
 *
 * Also makes the folder of this run's shared builds (test/helpers/shared-build.ts): a fixture built
 * with the same options is built once per run, whichever test files read it. When the run ends, each
 * shared output is checked unchanged (a test that changed one would mislead the next) and removed.
 */
export default async function setup(project: TestProject) {
  installChromium();
  const store = await mkdtemp(path.join(tmpdir(), 'nd-shared-builds-'));
  project.provide('sharedBuilds', store);
  return async () => {
    try {
      await verifySharedBuilds(store);
    } finally {
      await rm(store, { recursive: true, force: true });
    }
  };
}

function installChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) throw new Error('Для браузерных тестов нужен Chromium: sudo apt-get install -y chromium');
  process.stdout.write('Устанавливаю Chromium из пакетов Debian…\n');
  execFileSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
}
