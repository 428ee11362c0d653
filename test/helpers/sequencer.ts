import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest test files first, so that the two processes finish together. Vitest orders by the last run's
 * durations, which a fresh clone (CI) does not have: it then runs the largest files first, and the
 * type check, a short file that takes half a minute, started last and ran alone at the end. Where this
 * machine has no last run of a file, its time comes from `test/timings.json` (seconds per file,
 * refreshed from Vitest's cache by `npm run test:timings`); a file in neither runs first, as in Vitest.
 * The order changes how long the run takes, never what it checks.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const known = committedTimings();
    const seconds = (spec: TestSpecification): number => {
      const cached = this.ctx.cache.getTestSpecificationResult(spec);
      if (cached) return cached.duration / 1000;
      return known[relative(spec.moduleId)] ?? Number.POSITIVE_INFINITY;
    };
    const failed = (spec: TestSpecification) => (this.ctx.cache.getTestSpecificationResult(spec)?.failed ? 1 : 0);
    return [...files].sort((a, b) => failed(b) - failed(a) || seconds(b) - seconds(a) || a.moduleId.localeCompare(b.moduleId));
  }
}

const PROJECT = path.resolve(import.meta.dirname, '../..');
export const TIMINGS = path.join(PROJECT, 'test/timings.json');

const relative = (file: string) => path.relative(PROJECT, file).split(path.sep).join('/');

function committedTimings(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(TIMINGS, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}
