import { z } from 'zod';

/**
 * `/registry.json`: the published registry at the build's date, for other systems. Everything is
 * computed from the sources and the date; the same build gives the same bytes.
 */
const exportedEdition = z
  .object({
    version: z.string(),
    title: z.string(),
    status: z.enum(['проект', 'утверждена', 'отменена']).describe('Статус, как его записал автор.'),
    state: z.enum(['draft', 'future', 'current', 'superseded', 'cancelled']).describe('Состояние на дату сборки, вычисленное из дат.'),
    approved: z.string().nullable(),
    effective: z.string().nullable(),
    until: z.string().nullable().describe('Первый день, когда редакция уже не действует (известный на дату сборки).'),
    act: z.string().nullable(),
    changes: z.string(),
    url: z.url(),
    changesUrl: z.url().nullable().describe('Страница «что изменилось» по сравнению с предыдущей редакцией.'),
    sample: z.boolean(),
  })
  .strict();

export const registryExport = z
  .object({
    date: z.iso.date().describe('Дата сборки: на неё вычислены состояния.'),
    site: z.url(),
    documents: z.array(
      z
        .object({
          code: z.string(),
          type: z.string().nullable(),
          title: z.string(),
          url: z.url(),
          state: z.enum(['current', 'future', 'cancelled', 'draft']),
          inForce: z.string().nullable().describe('Номер действующей редакции.'),
          access: z.string(),
          owner: z.string().nullable(),
          cancelled: z.object({ date: z.string(), act: z.string().nullable(), replacedBy: z.string().nullable() }).strict().nullable(),
          editions: z.array(exportedEdition),
        })
        .strict(),
    ),
  })
  .strict();

export type RegistryExport = z.infer<typeof registryExport>;
