import { routes } from '../lib/routes.ts';
import type { RegistryExport } from '../schemas/registry-export.ts';
import type { Site } from './view.ts';
import { previousEdition } from './editions.ts';

/** All published documents and their published editions, with states at the build's date. */
export function registryExport(site: Site): RegistryExport {
  const url = (path: string) => new URL(path, site.config.site).href;
  return {
    date: site.date,
    site: url('/'),
    documents: site.documents.map((doc) => {
      const cancellation = doc.status.state === 'cancelled' ? doc.status.cancellation : undefined;
      return {
        code: doc.code,
        type: doc.type?.name ?? null,
        title: doc.shown.edition.data.title,
        url: url(routes.document(doc.code)),
        state: doc.status.state,
        inForce: doc.status.current?.edition.data.version ?? null,
        access: doc.shown.edition.data.access,
        owner: doc.owner?.name ?? null,
        cancelled: cancellation ? { date: cancellation.date, act: cancellation.act ?? null, replacedBy: cancellation.replacedBy ?? null } : null,
        editions: doc.status.timeline.map((t) => {
          const e = t.edition.data;
          return {
            version: e.version,
            title: e.title,
            status: e.status,
            state: t.state,
            approved: e.approved ?? null,
            effective: e.effective ?? null,
            until: t.until ?? null,
            act: e.act ?? null,
            changes: e.changes,
            url: url(routes.edition(doc.code, e.version)),
            changesUrl: previousEdition(doc, e.version) ? url(routes.diff(doc.code, e.version)) : null,
            sample: Boolean(e.sample),
          };
        }),
      };
    }),
  };
}
