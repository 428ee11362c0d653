import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const realContent = path.join(projectRoot, 'content');

/**
 * A copy of the real content root in a temp folder, with files added, replaced (string) or removed (null).
 * `only` limits the copy to some top-level folders (e.g. registries and standards for a tiny corpus).
 */
export async function contentRoot(files: Record<string, string | Uint8Array | null> = {}, options: { only?: string[] } = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'nd-content-'));
  const top = options.only ?? (await readdir(realContent));
  for (const name of top) await cp(path.join(realContent, name), path.join(root, name), { recursive: true });
  await overlay(root, files);
  return root;
}

export async function overlay(root: string, files: Record<string, string | Uint8Array | null>) {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    if (content === null) {
      await rm(file, { recursive: true, force: true });
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** Copies a fixture folder (relative to test/fixtures) over a content root. */
export async function overlayFixture(root: string, fixture: string) {
  await cp(path.join(projectRoot, 'test/fixtures', fixture), root, { recursive: true });
}

/** `file:line:column  severity  message  rule` with the temp root stripped, for exact comparisons. */
export function formatMessages(
  root: string,
  messages: Array<{ file?: string; line?: number; column?: number; fatal?: boolean | null; reason: string; ruleId?: string }>,
): string[] {
  return messages.map((m) => `${(m.file ?? '').replace(`${root}/`, '')}:${m.line}:${m.column}  ${m.fatal ? 'error' : 'warning'}  ${m.reason}  ${m.ruleId}`);
}
