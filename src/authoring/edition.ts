import { parseDocument } from 'yaml';
import { compareNatural } from '../lib/codes.ts';
import { FILL } from './markers.ts';

/**
 * The version after the newest one: 1.0 → 1.1 (minor), 1.3 → 2.0 (major). Counting from the newest,
 * not from the one in force, so a draft 1.1 already in the folder makes the proposal 1.2.
 */
export function nextVersion(versions: readonly string[], major: boolean): string {
  const newest = [...versions].sort(compareNatural).at(-1) ?? '0.0';
  const [first = 0, second = 0] = newest.split('.').map(Number);
  return major ? `${first + 1}.0` : `${first}.${second + 1}`;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * A new draft edition from the text of another: same passport, references and body; a new version,
 * status «проект», no cancellation, and the approval fields (who approved included) marked for the author. Everything else —
 * comments and order included — stays as written.
 */
export function editionFrom(source: string, version: string): string {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new Error('у исходной редакции нет блока свойств (frontmatter)');
  const doc = parseDocument(match[1] ?? '');
  if (doc.errors.length > 0) throw new Error(`свойства исходной редакции не читаются: ${doc.errors[0]?.message}`);
  doc.set('version', version);
  doc.set('status', 'проект');
  doc.set('approved', FILL.approved);
  doc.set('effective', FILL.effective);
  doc.set('act', FILL.act);
  doc.set('changes', FILL.changes);
  doc.delete('cancelled');
  // Who approves the new edition is asked anew, visibly: a dropped field would pass unnoticed.
  if (doc.has('approvedBy')) doc.set('approvedBy', doc.createNode({ position: FILL.approvedBy }));
  // The old edition's review date and what it was checked against do not carry over; nor its лист
  // ознакомления: whom a new edition concerns is decided on approval (edition/acknowledge refuses it on a draft).
  for (const key of ['nextReview', 'reviewedAgainst', 'acknowledge']) doc.delete(key);
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${source.slice(match[0].length)}`;
}
