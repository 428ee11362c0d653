import type { SourceDocument } from './blocks.ts';
import { readBodyBlock } from './recognise/body.ts';
import { chooseCode, codesBeforeReading, unregisteredCode } from './recognise/code.ts';
import { readHeading } from './recognise/heading.ts';
import { startRecognition, type Recognition } from './recognise/state.ts';
import { tickedAccess } from './recognise/passport.ts';
import { readProperties } from './recognise/properties.ts';
import { readTitlePage } from './recognise/title-page.ts';
import type { Registries } from './registries.ts';

export type { Guess, Mapped, Recognition } from './recognise/state.ts';

/**
 * Reads passport, scope, roles, terms, references, appendices out of the blocks; the rest is the body.
 * Blocks are read in order: a heading may change the section (or open an appendix) the blocks after it belong to.
 */
export function recognise(doc: SourceDocument, registries: Registries, options: { code?: string; fileName?: string } = {}): Recognition {
  const prefixes = registries.types.map((t) => t.prefix);
  const rec = startRecognition(doc, registries, codesBeforeReading(doc, prefixes, options.code));
  for (const [i, b] of doc.blocks.entries()) {
    if (b.kind === 'heading') readHeading(rec, b, i);
    else if (rec.section === 'title' && i < rec.firstHeading) readTitlePage(rec, b);
    else readBodyBlock(rec, b);
    if (b.kind === 'list' && !rec.result.access) tickedAccess(rec, b);
  }
  readProperties(rec, doc.properties ?? []);
  chooseCode(rec.result, rec.found, options.fileName, prefixes);
  if (!rec.result.access) {
    // Who may read the document is not a default to take silently.
    rec.result.access = 'internal';
    rec.result.guessed.push({
      field: 'access',
      value: 'internal',
      original: '—',
      reason: 'уровень доступа (гриф) в документе не найден: взят «internal» — проверьте, кому документ можно показывать',
    });
  }
  const unregistered = rec.result.code ? undefined : unregisteredCode(doc, options.fileName);
  if (unregistered) rec.result.unregisteredCode = { ...unregistered, known: prefixes };
  return rec.result;
}
