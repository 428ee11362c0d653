import type { DocumentEntry } from '../model/corpus.ts';
import { parseCode } from '../lib/codes.ts';
import { documentTitle } from '../lib/titles.ts';
import { documentStatus, STATE_LABELS } from '../model/editions.ts';
import type { Lookup } from '../model/lookup.ts';
import type { SessionRun } from '../validation/session.ts';

/**
 * What the language server answers (completion.ts, frontmatter-completion.ts, navigation.ts, quick-fix.ts) is
 * plain functions of the checker's model and a file's text, so that they are tested without a client. Positions
 * are offsets (UTF-16, as in LSP and JavaScript); the server turns them into lines and characters. This module
 * holds what they share: the request's context and the small readers of it.
 */

export interface Item {
  label: string;
  /** Kind, for the editor's icon: `code`, `role`, `term`, `standard`, `clause`, `appendix`, `principle`, `key`, `value`. */
  kind: 'code' | 'role' | 'term' | 'standard' | 'clause' | 'appendix' | 'principle' | 'key' | 'value';
  detail?: string;
  documentation?: string;
  /** What replaces the range [from, offset); the label when absent. */
  insert?: string;
  from: number;
}

export interface Context {
  run: SessionRun;
  /** Path relative to the content root (`documents/pt-035/editions/1.0.mdx`). */
  rel: string;
  text: string;
  buildDate: string;
  /** The site's address, for links in hovers. */
  site?: string;
}

const FRONTMATTER_RE = /^---\n[\s\S]*?\n---[ \t]*$/m;

/** The end of the frontmatter block (after its closing `---`), or -1 when the file has none. */
export function frontmatterEnd(text: string): number {
  if (!text.startsWith('---\n')) return -1;
  const m = FRONTMATTER_RE.exec(text);
  return m && m.index === 0 ? m[0].length : -1;
}

/** A document's name as its pages show it: the type word and the title. */
export function titleOf(lookup: Lookup, doc: DocumentEntry): string {
  const latest = doc.editions.at(-1);
  const prefix = parseCode(doc.code)?.prefix;
  return latest ? documentTitle(prefix ? lookup.types.get(prefix)?.name : undefined, latest.data.title) : doc.code;
}

/** The document the file belongs to (`documents/<folder>/…`). */
export function docOf(ctx: Context): DocumentEntry | undefined {
  const folder = ctx.rel.split('/')[1];
  return ctx.run.corpus.documents.find((d) => d.folder === folder);
}

/** «Действует редакция 1.0 с 2024-03-15», or why none is in force. */
export function editionLine(ctx: Context, doc: DocumentEntry): string {
  const status = documentStatus(doc.editions, ctx.buildDate);
  const inForce = status.current?.edition;
  return inForce
    ? `Действует редакция ${inForce.data.version} с ${inForce.data.effective ?? '—'}`
    : `Нет действующей редакции (${STATE_LABELS[status.state] ?? status.state})`;
}
