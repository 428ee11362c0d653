import { defineConfig } from 'vitest/config';
import LongestFirst from './test/helpers/sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // ND_TEST_CPU=<file> writes each file's CPU time there (test/helpers/cpu-profile.ts); otherwise idle.
    setupFiles: ['test/helpers/cpu-profile.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two files at a time, in two processes: one per core of the 2-core machines the suite runs on. A
    // build asked for by two files at once is made once (test/helpers/shared-build.ts), and Vitest
    // starts the longest files first (by the last run's times), so the short ones fill the gaps.
    pool: 'forks',
    maxWorkers: 2,
    // Each process runs file after file without starting anew: the modules a file imports (Astro,
    // unified, the checker) stay loaded for the next one, where a fresh process per file imported them
    // again (a run used 15–20 % less CPU). No test changes shared state: the one that sets an environment
    // variable restores it, and none mocks a module.
    isolate: false,
    // Longest files first, also in a fresh clone that has no last run (test/helpers/sequencer.ts).
    sequence: { sequencer: LongestFirst },
  },
});
