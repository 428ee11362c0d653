import { createHash } from 'node:crypto';

/** A short digest of a JSON-serialisable value: the cache keys of pages and rendered texts. */
export function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 20);
}
