import path from 'node:path';

/**
 * Where texts live in the content root, relative to it (POSIX separators): the one place the layout
 * `documents/<folder>/editions/<version>.mdx` and `documents/<folder>/appendices/<number>.mdx` is written.
 */
export const contentPaths = {
  editions: (folder: string) => `documents/${folder}/editions`,
  edition: (folder: string, version: string) => `documents/${folder}/editions/${version}.mdx`,
  appendices: (folder: string) => `documents/${folder}/appendices`,
  appendix: (folder: string, number: number | string) => `documents/${folder}/appendices/${number}.mdx`,
} as const;

/** The version an edition's file is named by (`…/editions/1.0.mdx` → `1.0`), whatever it says inside. */
export const editionFileVersion = (file: string) => path.basename(file, '.mdx');
