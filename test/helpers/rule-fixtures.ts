import { readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { check, type CheckResult } from '../../src/validation/check.ts';
import { contentRoot, formatMessages } from './content-root.ts';

/**
 * The loop every rule-fixture suite shares: a copy of the real content (or some of its folders), the
 * given fixture folders laid over it in order, one check with every rule at a fixed date.
 */
export async function checkOverlays(folders: string[], options: { buildDate: string; only?: string[] }): Promise<{ result: CheckResult; lines: string[] }> {
  const root = await contentRoot({}, { only: options.only });
  for (const folder of folders) await cp(folder, root, { recursive: true });
  const result = await check({ root, buildDate: options.buildDate });
  return { result, lines: formatMessages(root, result.messages) };
}

/** The located messages a failing fixture must produce, one per line. */
export const expectedLines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');
