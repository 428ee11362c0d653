import type { Site } from './view.ts';

/** ISO 9001:2015 clauses a «лист ознакомления» is evidence for: communication of the policy, awareness. */
export const ACK_CLAUSES = ['5.2.2', '7.3'] as const;

/**
 * Editions in force or announced that ask for acknowledgement, on a site whose audience has the
 * acknowledgement service (not the public one): the clause matrix names them and fetches their figures.
 */
export function acknowledgedEditions(site: Site): { code: string; version: string }[] {
  if (site.config.audience === 'public') return [];
  return site.documents.flatMap((doc) =>
    doc.status.timeline
      .filter((t) => t.edition.data.acknowledge && (t.state === 'current' || t.state === 'future'))
      .map((t) => ({ code: doc.code, version: t.edition.data.version })),
  );
}
