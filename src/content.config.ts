import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { loadConfig } from './lib/config.ts';
import { appendix, edition } from './schemas/document.ts';
import { accessLevel, documentType, role, term, unit } from './schemas/registries.ts';
import { standard } from './schemas/standard.ts';

const { contentRootAbs: root } = loadConfig();

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
const registry = (name: string) => file(`${root}/registries/${name}.json`, { parser: (text) => (JSON.parse(text) as { items: Record<string, unknown>[] }).items.map((item) => ({ id: String(item.id ?? item.prefix), ...item })) });

/** The same zod shapes the checker validates with; the checker has already run when these load. */
export const collections = {
  editions: defineCollection({ loader: glob({ pattern: 'documents/*/editions/*.mdx', base: root, generateId: entryId }), schema: frontmatter(edition) }),
  appendices: defineCollection({ loader: glob({ pattern: 'documents/*/appendices/*.mdx', base: root, generateId: entryId }), schema: frontmatter(appendix) }),
  documentTypes: defineCollection({ loader: registry('document-types'), schema: documentType.extend({ id: z.string() }) }),
  units: defineCollection({ loader: registry('units'), schema: unit }),
  roles: defineCollection({ loader: registry('roles'), schema: role }),
  terms: defineCollection({ loader: registry('terms'), schema: term }),
  accessLevels: defineCollection({ loader: registry('access-levels'), schema: accessLevel }),
  standards: defineCollection({ loader: glob({ pattern: 'standards/*.json', base: root }), schema: standard }),
};
