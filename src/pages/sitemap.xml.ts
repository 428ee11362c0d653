import type { APIRoute } from 'astro';
import { routes } from '../lib/routes.ts';
import { escapeXml } from '../lib/xml.ts';
import { getView } from '../site/view.ts';
import { programYear, recordsOf } from '../site/quality.ts';

/**
 * `/sitemap.xml`, written from the published view (a generic sitemap integration would list every built
 * route, including any a future page forgets to filter). It lists every page of the audience that search
 * engines may index: not the search page, the editions not in force, the pinned copy of the edition in
 * force (its canonical address is the document's) or the «что изменилось» pages, which are all noindex.
 * test/site/sitemap.test.ts checks the list against the built files.
 */
export const GET: APIRoute = async () => {
  const site = await getView();
  const records = recordsOf(site);
  const base = site.config.site.replace(/\/$/, '');
  const paths = [
    routes.home(),
    routes.registry(),
    routes.asOf(),
    routes.review(),
    routes.glossary(),
    routes.standards(),
    routes.coverage(),
    ...site.standards.map((s) => routes.standard(s.id)),
    routes.qualityStandards(),
    ...records.standards.map((s) => routes.qualityStandard(s.data.id)),
    // The audit section's index and board exist for every audience (empty and saying why for the public one).
    routes.audits(),
    routes.auditActions(),
    ...(site.auditsPublished
      ? [
          ...records.programs.map((p) => routes.auditProgram(programYear(p.data))),
          ...records.plans.map((p) => routes.auditPlan(p.data.audit)),
          ...records.reports.map((r) => routes.auditReport(r.data.audit)),
        ]
      : []),
    // A document's address is indexed while it shows the edition in force; its appendices always are.
    ...site.documents.flatMap((doc) => [
      ...(doc.shown.state === 'current' ? [routes.document(doc.code)] : []),
      ...doc.appendices.map((a) => routes.appendix(doc.code, a.data.number)),
    ]),
  ];
  const urls = paths.map((p) => `  <url><loc>${escapeXml(encodeURI(`${base}${p}`))}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
