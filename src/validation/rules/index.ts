import appendixRefs from './appendix-refs.ts';
import codeRefs from './code-refs.ts';
import dataRefs from './data-refs.ts';
import documentIdentity from './document-identity.ts';
import links from './links.ts';
import mdxCode from './mdx-code.ts';
import registries from './registries.ts';
import roleRefs from './role-refs.ts';
import standardRefs from './standard-refs.ts';
import type { Rule } from '../rule.ts';

/** Every rule the checker runs, in a stable order. Modules group rules by concern. */
export const ALL_RULES: readonly Rule[] = [
  ...documentIdentity, ...registries, ...codeRefs, ...standardRefs, ...appendixRefs, ...roleRefs, ...dataRefs, ...links, ...mdxCode,
];
