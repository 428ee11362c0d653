import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from '../scripts/chromium.ts';
import { verifySharedBuilds } from './helpers/shared-store.ts';

/**
 * Tests drive Debian's Chromium, LibreOffice, pandoc, nginx and PostgreSQL. `npm test` on a fresh Debian
 * machine installs what is missing when it can (as root), so the README's one command is the whole
 * set-up; otherwise it says what to install.
 *
 * Also makes the folder of this run's shared builds and compile cache (test/helpers/shared-build.ts): a fixture built
 * with the same options is built once per run, whichever test files read it. When the run ends, each
 * shared output is checked unchanged (a test that changed one would mislead the next) and the folder is
 * removed, with every temp folder the run made (TMPDIR points into it).
 */
export default async function setup(project: TestProject) {
  installDebianPackages();
  const store = await mkdtemp(path.join(tmpdir(), 'nd-shared-builds-'));
  project.provide('sharedBuilds', store);
  // Node's compile cache for every process of the run (test workers, and the builds, checks and CLIs they
  // start): the TypeScript each strips and the code V8 compiles are kept, not redone in every process.
  process.env.NODE_COMPILE_CACHE ??= path.join(store, 'compile-cache');
  // Every temp folder of the run (the tests' content roots, builds, imports, and those of the Chromium,
  // LibreOffice and PostgreSQL they start) is made under this run's folder, so the run leaves none behind:
  // a test that fails before its own clean-up no longer litters the machine's /tmp (a run left 200 folders).
  // Like /tmp itself, open to the services tests start under their own users (PostgreSQL runs as postgres).
  process.env.TMPDIR = path.join(store, 'tmp');
  await mkdir(process.env.TMPDIR);
  await chmod(store, 0o755);
  await chmod(process.env.TMPDIR, 0o1777);
  return async () => {
    try {
      await verifySharedBuilds(store);
    } finally {
      // Worker processes may still be writing their compile cache as they exit: retry until they are done.
      await rm(store, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  };
}

/** What the tests use from Debian's packages: a file that proves each is there, and the package. */
const DEBIAN_NEEDS: ReadonlyArray<readonly [present: () => boolean, pkg: string]> = [
  [() => existsSync(CHROMIUM), 'chromium-headless-shell'],
  [() => existsSync('/usr/bin/soffice'), 'libreoffice-writer-nogui'],
  [() => existsSync('/usr/bin/pandoc'), 'pandoc'],
  [() => existsSync('/usr/sbin/nginx'), 'nginx'],
  [() => existsSync('/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'), 'libnginx-mod-http-brotli-static'],
  [() => existsSync('/usr/bin/wrk'), 'wrk'],
  [() => existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)), 'postgresql'],
];

/** The same packages `.ci/run` installs, so `npm test` alone sets up a fresh Debian machine as root. */
function installDebianPackages() {
  const missing = DEBIAN_NEEDS.filter(([present]) => !present()).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`Для тестов нужны пакеты Debian: sudo apt-get install -y ${missing.join(' ')}`);
  process.stdout.write(`Устанавливаю из пакетов Debian: ${missing.join(', ')}…\n`);
  execFileSync('bash', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`], { stdio: 'inherit' });
}
