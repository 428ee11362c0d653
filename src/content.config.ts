import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { loadConfig } from './lib/config.ts';
import { appendix, edition } from './schemas/document.ts';
import { accessLevel, documentType, role, term, unit } from './schemas/registries.ts';
import { standard } from './schemas/standard.ts';
import { decidePublication } from './site/publication.ts';
import { runCheck } from './validation/run.ts';

const config = loadConfig();
const { contentRootAbs: root } = config;
/**
 * Astro compiles every MDX file a collection loads, so the collections load only what this build
 * publishes: a restricted document (or a file with forbidden code) is never read, compiled or bundled.
 */
const publication = decidePublication(await runCheck(config), config.audience, config.buildDate);

/** Astro's YAML reader turns `2023-03-01` into a Date; the shapes want the written `YYYY-MM-DD`. */
const datesAsWritten = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(datesAsWritten);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsWritten(v)]));
  return value;
};
const frontmatter = <T extends z.ZodType>(schema: T) => z.preprocess(datesAsWritten, schema);
/** `documents/pt-035/editions/1.0.mdx` → `pt-035/1.0`: the id the checker's corpus uses too. */
const entryId = ({ entry }: { entry: string }) => {
  const [, folder, , name = ''] = entry.split('/');
  return `${folder}/${name.replace(/\.mdx$/, '')}`;
};
/** Roles and terms defined in a restricted document are left out with it. */
const publishedItem = (item: Record<string, unknown>) => typeof item.definedIn !== 'string' || publication.published.has(item.definedIn);
const registry = (name: string) => file(`${root}/registries/${name}.json`, { parser: (text) => (JSON.parse(text) as { items: Record<string, unknown>[] }).items.filter(publishedItem).map((item) => ({ id: String(item.id ?? item.prefix), ...item })) });
/** The glob loader, limited to the published files of one kind (`editions`, `appendices`). */
const published = (kind: string) => {
  const escape = (file: string) => file.replace(/[\\*?{}()[\]!+@]/g, '\\$&');
  const files = [...publication.files].filter((file) => file.split('/')[2] === kind).map(escape);
  // An empty pattern list would match nothing anyway; a pattern that cannot exist keeps tinyglobby's contract.
  return glob({ pattern: files.length ? files : [`documents/.none/${kind}/none.mdx`], base: root, generateId: entryId });
};

/** The same zod shapes the checker validates with; the checker has already run when these load. */
export const collections = {
  editions: defineCollection({ loader: published('editions'), schema: frontmatter(edition) }),
  appendices: defineCollection({ loader: published('appendices'), schema: frontmatter(appendix) }),
  documentTypes: defineCollection({ loader: registry('document-types'), schema: documentType.extend({ id: z.string() }) }),
  units: defineCollection({ loader: registry('units'), schema: unit }),
  roles: defineCollection({ loader: registry('roles'), schema: role }),
  terms: defineCollection({ loader: registry('terms'), schema: term }),
  accessLevels: defineCollection({ loader: registry('access-levels'), schema: accessLevel }),
  standards: defineCollection({ loader: glob({ pattern: 'standards/*.json', base: root }), schema: standard }),
};
