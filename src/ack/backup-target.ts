import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** The first bytes of what a backup of the service writes: SQLite's VACUUM INTO, pg_dump's plain and custom formats. */
const BACKUP_HEADERS = ['SQLite format 3\0', '--\n-- PostgreSQL database dump', 'PGDMP'];

/**
 * Whether `npm run ack -- backup FILE` may write FILE. A backup replaces the file, so an existing one
 * must itself be an earlier backup (a copy taken every night under one name is replaced), never the
 * live database or its journal, a folder, or anyone's other file (`backup README.md` deleted it).
 * Returns the reason in Russian, or undefined when the file may be written.
 */
export function refusedBackupTarget(target: string, live: readonly string[]): string | undefined {
  const file = path.resolve(target);
  if (!existsSync(path.dirname(file))) return `папки «${path.dirname(target)}» нет: создайте её или укажите файл в существующей папке`;
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) return `«${target}» — папка: укажите файл копии, например nd-ack-${new Date().toISOString().slice(0, 10)}.sqlite`;
  const real = realpathSync(file);
  if (live.some((db) => existsSync(db) && realpathSync(db) === real)) return `«${target}» — сама рабочая база службы: копию пишут в другой файл`;
  const head = Buffer.alloc(64);
  const fd = openSync(file, 'r');
  const read = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, read).toString('latin1');
  if (BACKUP_HEADERS.some((header) => text.startsWith(header))) return undefined;
  return `«${target}» уже есть и это не копия базы: она была бы заменена; укажите новый файл`;
}
