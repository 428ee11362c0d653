import { createHash } from 'node:crypto';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { buildSite, type BuildResult } from './build-site.ts';
import { contentRoot } from './content-root.ts';
import { restrictedCorpus } from './restricted-corpus.ts';
import { fingerprint, once, RESULT } from './shared-store.ts';

/**
 * Content roots that several test files build with the same options. Each is made fresh for a run,
 * once, and never changed afterwards.
 */
export const FIXTURES = {
  /** The project's own content folder, as `npm run build` builds it. */
  real: async (): Promise<string | undefined> => undefined,
  /** The real content plus the editions fixture (ПР-901…903: editions in every state). */
  editions: async (): Promise<string | undefined> => {
    const root = await contentRoot();
    await cp(path.join(import.meta.dirname, '../editions/fixtures/site'), root, { recursive: true });
    return root;
  },
  /** The real content with the `publication` fixture (test/helpers/restricted-corpus.ts). */
  restricted: (): Promise<string | undefined> => restrictedCorpus(),
} as const;

export type Fixture = keyof typeof FIXTURES;

/** The configured site address of the builds below (never localhost, which the site map test refuses). */
export const SITE = 'https://nd.example.ru';

/**
 * Options several test files build the real content with, so that they read one build: each set costs
 * an Astro build, whatever the content (most of a build's time is Astro's own start).
 */
export const BUILDS = {
  /** The internal site: the browser tests (test/browser/built-site.ts) and the site map. */
  internal: { date: '2026-12-02', audience: 'internal', env: { ND_SITE: SITE } },
  /** The public site: audit records left out, the site map of the public audience. */
  public: { date: '2026-11-26', audience: 'public', env: { ND_SITE: SITE } },
} as const satisfies Record<string, SharedBuildOptions>;
export interface SharedBuildOptions {
  date?: string;
  audience?: string;
  env?: Record<string, string>;
  /** More arguments of scripts/build.ts (`--html-redirects`). */
  args?: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run's shared builds (test/global-setup.ts); removed when the run ends. */
    sharedBuilds: string;
  }
}

/**
 * The site built from a fixture with these options, built at most once per `npm test` run: the first
 * test file that asks builds it, later ones (each in its own process) read the same output. The output
 * is shared, so it is read-only: a test that changes files copies them first (`privateCopy`).
 * Outside a run with the global setup (a single file through another config), it builds afresh.
 */
export async function sharedBuild(fixture: Fixture, options: SharedBuildOptions = {}): Promise<BuildResult> {
  const store = safeInject();
  if (!store) return buildSite({ ...options, root: await FIXTURES[fixture]() });
  const key = `${fixture}-${createHash('sha1')
    .update(JSON.stringify([options.date, options.audience, options.env ?? {}, options.args ?? []]))
    .digest('hex')
    .slice(0, 12)}`;
  const dir = path.join(store, key);
  const { fingerprint: _unused, ...result } = await once(path.join(dir, RESULT), async () => {
    const root = await sharedRoot(fixture);
    const built = await buildSite({ ...options, root, outDir: path.join(dir, 'dist'), env: { ND_CACHE_DIR: path.join(dir, 'cache'), ...options.env } });
    return { ...built, fingerprint: await fingerprint(built.outDir) };
  });
  return result;
}

/**
 * The fixture's content root for this run, made by the first build that needs it (a test that builds
 * the same sources again, e.g. to compare two builds, reads it here). Read-only, like the outputs.
 */
export async function sharedRoot(fixture: Fixture): Promise<string | undefined> {
  const store = safeInject();
  if (!store) return FIXTURES[fixture]();
  const made = await once(path.join(store, 'roots', `${fixture}.json`), async () => ({ root: await FIXTURES[fixture]() }));
  return made.root;
}

/** A copy of a shared build's output the test may change; removed with `rm(path.dirname(outDir))`. */
export async function privateCopy(build: BuildResult, into: string): Promise<BuildResult> {
  const outDir = path.join(into, 'dist');
  await cp(build.outDir, outDir, { recursive: true });
  return { ...build, outDir };
}

function safeInject(): string | undefined {
  try {
    return inject('sharedBuilds') || undefined;
  } catch {
    return undefined;
  }
}
