import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const root = process.env.BENCH_CONTENT;
if (!root) throw new Error('BENCH_CONTENT: укажите корень содержимого для эталонной сборки');

/** Every edition of every document, frontmatter as is: no schema. */
const documents = defineCollection({
  loader: glob({ pattern: '*/editions/*.mdx', base: `${root}/documents`, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
});

export const collections = { documents };
