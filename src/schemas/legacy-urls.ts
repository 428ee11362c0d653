import { z } from 'zod';
import { documentCode, schemaRef, text } from './common.ts';

/** One old address of a document on the intranet section the portal replaces. */
export const legacyRedirect = z
  .object({
    from: text().describe('Старый адрес: абсолютный URL (https://intranet.example/nd/doc123.docx) или путь (/nd/doc123.docx).'),
    code: documentCode().describe('Документ, на страницу которого ведёт старый адрес.'),
    version: z
      .string()
      .regex(/^\d+(?:\.\d+)*$/, { error: 'номер редакции — числа через точку, например 1.0' })
      .optional()
      .describe('Редакция: старый адрес ведёт на её страницу, а не на действующую.'),
    file: text().optional().describe('Имя старого файла, из которого импортирован документ.'),
  })
  .strict();

/** `content/registries/legacy-urls.json`: old addresses → documents, for redirects (written by `npm run import`). */
export const LegacyUrls = z.object({ $schema: schemaRef(), redirects: z.array(legacyRedirect) }).strict();

export type LegacyRedirect = z.infer<typeof legacyRedirect>;
export type LegacyUrlsFile = z.infer<typeof LegacyUrls>;

/**
 * The path an old address is asked for with, decoded as nginx's `$uri` is (the same reading as the server
 * map in src/serve/nginx-parts.ts): `https://h/nd/%D0%9F.docx?x=1` → `/nd/П.docx`.
 */
export function legacyPath(from: string): string {
  let pathname = /^[a-z][a-z0-9+.-]*:\/\//i.test(from) ? from : from.split(/[?#]/)[0]!;
  try {
    if (pathname === from && /^[a-z][a-z0-9+.-]*:\/\//i.test(from)) pathname = new URL(from).pathname;
    pathname = decodeURIComponent(pathname);
  } catch {
    // an address that does not decode is compared as written
  }
  return pathname.startsWith('/') ? pathname : `/${pathname}`;
}

/**
 * What a redirect of an old address matches, as nginx's map key has it after the site: the decoded path,
 * and `?query` as sent when it has one (`/docs/view.aspx?ID=35`). Two entries with one key are one address.
 */
export const legacyAddress = (path: string, query?: string) => `${path}${query ? `?${query}` : ''}`;

/**
 * The query of an old address as a browser sends it, percent-encoded, without «?»: `view.aspx?ID=35` → `ID=35`,
 * '' when it has none. Old portals name documents by it (`DispForm.aspx?ID=…`, `detail.php?ID=…`): the
 * path alone would give every document of such a portal one address.
 */
export function legacyQuery(from: string): string {
  try {
    return new URL(from, 'http://intranet.invalid').search.slice(1);
  } catch {
    return '';
  }
}
