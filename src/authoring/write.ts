import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExistsError } from './errors.ts';
import { absolute, type NewFile } from './scaffold.ts';

/**
 * Creates the file and its folders; never replaces one. The `wx` flag makes the refusal atomic:
 * a file that appears between a check and the write is still not overwritten.
 */
export async function writeNew(root: string, file: NewFile): Promise<string> {
  const target = absolute(root, file);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, file.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new ExistsError(`файл ${file.rel} уже есть и не будет перезаписан: переименуйте или удалите его, если он не нужен`);
    throw error;
  }
  return target;
}
