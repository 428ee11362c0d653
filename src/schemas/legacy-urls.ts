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

/** The path part of an old address: what a redirect matches on (`https://h/nd/a.docx?x=1` → `/nd/a.docx`). */
export function legacyPath(from: string): string {
  try {
    const url = new URL(from);
    return decodeURI(url.pathname);
  } catch {
    return from.startsWith('/') ? from.split(/[?#]/)[0]! : `/${from.split(/[?#]/)[0]!}`;
  }
}
