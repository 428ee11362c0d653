import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../browser/search-page.ts';
import { buildSite } from '../helpers/build-site.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';
import { sampleEdition } from '../helpers/sample-edition.ts';

/**
 * Content is data: nothing in an MDX file is compiled or evaluated. A document that imports node:fs to
 * write a marker file, exports a statement and calls process.exit never runs — not in `npm run build`,
 * not in a bare `astro build`, not in `astro dev` when the file turns bad while the server runs, where
 * the re-check names the fault in the terminal and in the page's error overlay instead.
 */
const edition = (body: string) =>
  sampleEdition(
    {
      code: 'ПР-950',
      title: 'Порядок проверки защиты сборки',
      sample: 'Документ-образец для проверки, что код из MDX не выполняется.',
      goal: 'Проверить защиту сборки',
    },
    body,
  );
const FILE = 'documents/pr-950/editions/1.0.mdx';
const evilBody = (marker: string, text = 'Текст') =>
  `import fs from 'node:fs';\n\nexport const ran = fs.writeFileSync(${JSON.stringify(marker)}, 'ran');\n\n${text} {process.exit(3)}.`;

async function evilRoot() {
  const marker = path.join(await mkdtemp(path.join(tmpdir(), 'nd-marker-')), 'ran.txt');
  const root = await contentRoot({ [FILE]: edition(evilBody(marker)) });
  return { root, marker };
}

describe('npm run build', () => {
  it('stops at the checker with a located message; the MDX never runs', async () => {
    const { root, marker } = await evilRoot();
    const result = await buildSite({ root });
    expect(result.code).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/documents\/pr-950\/editions\/1\.0\.mdx:23:1 .*импорт запрещён.*mdx\/forbidden-code/);
    expect(output).toMatch(/1\.0\.mdx:27:7 .*обращается к «process»/);
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(result.outDir)).toBe(false);
  });

  it('a bare `astro build` refuses too, and nothing of the file runs', async () => {
    const { root, marker } = await evilRoot();
    const work = await mkdtemp(path.join(tmpdir(), 'nd-astro-'));
    const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(work, 'dist')], {
      cwd: projectRoot,
      env: { ...process.env, ND_CONTENT_ROOT: root, ND_CACHE_DIR: path.join(work, 'cache') },
      encoding: 'utf8',
    });
    expect(astro.status).not.toBe(0);
    expect(astro.status).not.toBe(3);
    expect(astro.stdout + astro.stderr).toMatch(/1\.0\.mdx:23:1 .*mdx\/forbidden-code/);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('astro dev', () => {
  let root: string;
  let marker: string;
  let port: number;
  let log = '';
  let server: ReturnType<typeof spawn> | undefined;

  beforeAll(async () => {
    ({ root, marker } = await evilRoot());
    await writeFile(path.join(root, FILE), edition('Чистый текст до правки.'));
    port = await freePort();
    const work = await mkdtemp(path.join(tmpdir(), 'nd-dev-'));
    server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: projectRoot,
      // Vitest's own variables (VITEST, NODE_ENV=test) would make Vite start the dev server without listening.
      // A fixed date: the edition's periodic review must not add a calendar warning to what is asserted.
      env: { ...withoutVitest(process.env), ND_CONTENT_ROOT: root, ND_CACHE_DIR: path.join(work, 'cache'), ND_BUILD_DATE: '2024-06-01' },
    });
    server.stdout?.on('data', (chunk) => (log += chunk));
    server.stderr?.on('data', (chunk) => (log += chunk));
    await until(
      async () => (await fetchPage(port)).includes('Чистый текст до правки'),
      90_000,
      () => log,
    );
  });

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('re-checks a saved file: a broken reference is named in the terminal, the fix is served', async () => {
    const clean = await readFile(path.join(root, FILE), 'utf8');
    await writeFile(path.join(root, FILE), clean.replace('Чистый текст до правки.', 'Текст со ссылкой на ПТ-053 после правки.'));
    await until(
      async () => /ref\/unknown-code/.test(log),
      30_000,
      () => log,
    );
    expect(log).toMatch(/1\.0\.mdx:23:\d+ .*ПТ-053.*ref\/unknown-code/);
    await writeFile(path.join(root, FILE), clean.replace('Чистый текст до правки.', 'Исправленный текст.'));
    await until(
      async () => (await fetchPage(port)).includes('Исправленный текст'),
      30_000,
      () => log,
    );
  });

  it('a warning is shown in the page too: the notice reads the latest findings', async () => {
    const clean = await readFile(path.join(root, FILE), 'utf8');
    await writeFile(path.join(root, FILE), clean.replace(/Исправленный текст\.|Чистый текст до правки\./, 'Требования ISO 9001:2008 учтены.'));
    await until(
      async () => /ref\/withdrawn-standard/.test(log),
      30_000,
      () => log,
    );
    const findings = (await (await fetch(`http://127.0.0.1:${port}/__nd/findings`)).json()) as Array<{ severity: string; text: string }>;
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', text: expect.stringMatching(/1\.0\.mdx:23:\d+ .*ISO 9001:2008.*ref\/withdrawn-standard/) }),
    ]);
    await until(
      async () => (await fetchPage(port)).includes('учтены'),
      30_000,
      () => log,
    );
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/nd/pr-950/`);
      await page.locator('#nd-findings').waitFor({ timeout: 30_000 });
      expect(await page.locator('#nd-findings').innerText()).toMatch(/находок 1[\s\S]*ISO 9001:2008[\s\S]*ref\/withdrawn-standard/);
    } finally {
      await browser.close();
    }
    await writeFile(path.join(root, FILE), clean);
    await until(
      async () => (await (await fetch(`http://127.0.0.1:${port}/__nd/findings`)).json()).length === 0,
      30_000,
      () => log,
    );
  });

  it('a file that turns bad while the server runs is refused with located messages; nothing in it runs', async () => {
    const clean = await readFile(path.join(root, FILE), 'utf8');
    await writeFile(path.join(root, FILE), clean.replace(/Исправленный текст\.|Чистый текст до правки\./, evilBody(marker, 'Текст после правки')));
    await until(
      async () => /mdx\/forbidden-code/.test(log),
      30_000,
      () => log,
    );
    expect(log).toMatch(/1\.0\.mdx:23:1 .*импорт запрещён.*mdx\/forbidden-code/);
    expect(log).toMatch(/1\.0\.mdx:27:\d+ .*обращается к «process»/);
    expect(await fetchPage(port)).not.toContain('Текст после правки');
    expect(existsSync(marker)).toBe(false);
    expect(server?.exitCode).toBeNull();
  });
});

function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(key)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function fetchPage(port: number): Promise<string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/nd/pr-950/`);
    return await response.text();
  } catch (error) {
    lastFetchError = String((error as Error).cause ?? error);
    return '';
  }
}
let lastFetchError = '';

async function until(condition: () => Promise<boolean>, timeout: number, context: () => string) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`не дождались условия за ${timeout} мс (${lastFetchError}); вывод сервера:\n${context()}`);
}
