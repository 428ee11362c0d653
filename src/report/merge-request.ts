import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import type { SiteConfig } from '../lib/config.ts';
import { STATE_LABELS, type EditionState } from '../model/editions.ts';
import { prepareSite, type Prepared } from '../publish/prepare.ts';
import { audienceSites } from '../site/audience-pages.ts';
import { sitePages } from '../site/pages.ts';
import { pageKey, routeKey } from '../site/route-data.ts';
import { siteView } from '../site/site.ts';
import type { DocumentData } from '../publish/view-data.ts';

/** What a change does to the portal, for a merge-request comment. */
export interface ChangeReport {
  base: string;
  date: string;
  audience: string;
  documents: { added: string[]; removed: string[]; changed: string[] };
  editions: { added: string[]; removed: string[]; changed: string[] };
  states: Array<{ edition: string; before: EditionState | 'нет'; after: EditionState | 'нет' }>;
  findings: { added: string[]; gone: string[] };
  suspect: string[];
  pages: { changed: string[]; added: string[]; removed: string[] };
  errors: number;
}

export class ReportError extends Error {}

/**
 * Compares the content at a Git revision with the working tree: both go through the same pass as a
 * build (check → publish → render, at one date and audience), and their published views are compared.
 */
export async function mergeRequestReport(config: SiteConfig, base: string): Promise<ChangeReport> {
  const work = mkdtempSync(path.join(tmpdir(), 'nd-report-'));
  try {
    const baseRoot = path.join(work, 'base');
    materialise(config.contentRootAbs, base, baseRoot);
    const at = (root: string, name: string) =>
      prepareSite(
        { ...config, contentRootAbs: root, cacheDir: path.join(work, name) },
        { publishWithErrors: true, gitHistory: false, sites: audienceSites(config) },
      );
    const before = await at(baseRoot, 'cache-base');
    const after = await at(config.contentRootAbs, 'cache-head');
    return compare(base, config, { ...before, root: baseRoot }, { ...after, root: config.contentRootAbs });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The content folder as it was at `revision`, written to `out` (`git archive <rev>:<folder>`). */
function materialise(contentRoot: string, revision: string, out: string) {
  const git = (args: string[], options = {}) => spawnSync('git', ['-C', contentRoot, ...args], { encoding: 'utf8', ...options });
  const prefix = git(['rev-parse', '--show-prefix']);
  if ((prefix.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new ReportError(
      'git не установлен, а отчёт сравнивает содержимое с ревизией из Git: установите git в образ задания (apt-get install git) или возьмите образ, где он есть (node:24-bookworm)',
    );
  const top = git(['rev-parse', '--show-toplevel']);
  if (prefix.status !== 0 || top.status !== 0) throw new ReportError(`папка содержимого ${contentRoot} не в репозитории Git: сравнивать не с чем`);
  const exists = git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  if (exists.status !== 0) throw new ReportError(`ревизия «${revision}» не найдена: укажите ветку, тег или коммит (например, origin/main)`);
  mkdirSync(out, { recursive: true });
  const tree = `${revision}:${prefix.stdout.trim()}`;
  // From the top of the repository: run in a subfolder, git archive would also filter by that folder.
  const tar = `${out}.tar`;
  const archive = spawnSync('git', ['-C', top.stdout.trim(), 'archive', '--format=tar', '-o', tar, tree], { encoding: 'utf8' });
  const unpacked = archive.status === 0 ? spawnSync('tar', ['-xf', tar, '-C', out], { encoding: 'utf8' }) : archive;
  if (unpacked.status !== 0) throw new ReportError(`не удалось прочитать содержимое на ревизии «${revision}»: ${unpacked.stderr.trim()}`);
}

const relFile = (m: VFileMessage, root: string) =>
  path
    .relative(root, path.resolve(m.file ?? ''))
    .split(path.sep)
    .join('/');
/** A finding without its line, its file from the content root: moving text does not make an old finding new. */
const findingKey = (m: VFileMessage, root: string) => `${relFile(m, root)} — ${m.reason} (${m.ruleId})`;
/** A finding as the report shows it: where it is now (file:line:column), what and which rule. */
const located = (m: VFileMessage, root: string) => `${relFile(m, root)}:${m.line ?? 1}:${m.column ?? 1} — ${m.reason} (${m.ruleId})`;

/** Findings of `from` whose key is not among `other`'s, located, sorted, each once. */
function findingsNotIn(from: Prepared & { root: string }, other: Prepared & { root: string }, rule?: string): string[] {
  const keys = new Set(other.messages.map((m) => findingKey(m, other.root)));
  const out = from.messages.filter((m) => !keys.has(findingKey(m, from.root)) && (!rule || m.ruleId === rule)).map((m) => located(m, from.root));
  return [...new Set(out)].sort();
}

/** The files of a document's folder, by path inside it, with their bytes: what an author changes. */
function folderFiles(root: string, folder: string): Map<string, string> {
  const dir = path.join(root, 'documents', folder);
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file, 'latin1')] as const;
      }),
  );
}

function compare(base: string, config: SiteConfig, before: Prepared & { root: string }, after: Prepared & { root: string }): ChangeReport {
  const docsBefore = new Map((before.view?.documents ?? []).map((d) => [d.code, d]));
  const docsAfter = new Map((after.view?.documents ?? []).map((d) => [d.code, d]));
  const editions = (docs: Map<string, DocumentData>) =>
    new Map([...docs.values()].flatMap((d) => d.editions.map((e) => [`${d.code} ${e.data.version}`, e] as const)));
  const edBefore = editions(docsBefore);
  const edAfter = editions(docsAfter);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const diffKeys = <T>(a: Map<string, T>, b: Map<string, T>, changed: (x: T, y: T) => boolean) => ({
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && changed(a.get(k)!, b.get(k)!)),
  });
  const content = (e: { data: unknown; segments: unknown }) => ({ data: e.data, segments: e.segments });
  const states = [...new Set([...edBefore.keys(), ...edAfter.keys()])]
    .map((edition) => ({ edition, before: edBefore.get(edition)?.state ?? ('нет' as const), after: edAfter.get(edition)?.state ?? ('нет' as const) }))
    .filter((s) => s.before !== s.after);
  // A document changed when a file of its own folder did: a new citing document changes what its
  // pages list (citedBy, the page key), not the document.
  const ownChanged = (a: DocumentData, b: DocumentData) => {
    const x = folderFiles(before.root, a.folder);
    const y = folderFiles(after.root, b.folder);
    return x.size !== y.size || [...y].some(([file, bytes]) => x.get(file) !== bytes);
  };
  // Every page of each view (src/site/pages.ts) with the key that decides whether it shows something else:
  // a document's page changes with its route data (src/site/route-data.ts), a title it names included.
  const pageKeys = (view: Prepared['view']) => {
    const site = view && siteView(view.site, view.documents);
    // Digested as a page's route data is: each rendered text once, however many places hold it.
    const viewKey = view ? routeKey(view) : '';
    return new Map(site ? sitePages(site).map((p) => [p.path, pageKey(site, p, viewKey)]) : []);
  };
  const pages = diffKeys(pageKeys(before.view), pageKeys(after.view), (a, b) => a !== b);
  return {
    base,
    date: config.buildDate,
    audience: config.audience,
    documents: diffKeys(docsBefore, docsAfter, ownChanged),
    editions: diffKeys(edBefore, edAfter, (a, b) => !same(content(a), content(b))),
    states,
    findings: { added: findingsNotIn(after, before), gone: findingsNotIn(before, after) },
    suspect: findingsNotIn(after, before, 'ref/suspect'),
    pages,
    errors: after.errors,
  };
}

/** The report as Markdown, fit for a merge-request comment. */
export function reportMarkdown(report: ChangeReport): string {
  const list = (items: string[], empty = 'нет') => (items.length ? items.map((i) => `- ${i}`).join('\n') : `- ${empty}`);
  const state = (s: EditionState | 'нет') => (s === 'нет' ? 'нет' : STATE_LABELS[s]);
  return [
    `## Что изменение делает с порталом`,
    '',
    `Сравнение с \`${report.base}\` на дату ${report.date} для аудитории \`${report.audience}\`. ${report.errors ? `**Ошибок проверки: ${report.errors} — сборка остановится.**` : 'Ошибок проверки нет.'}`,
    '',
    `### Документы`,
    list([
      ...report.documents.added.map((d) => `добавлен ${d}`),
      ...report.documents.changed.map((d) => `изменён ${d}`),
      ...report.documents.removed.map((d) => `удалён ${d}`),
    ]),
    '',
    `### Редакции`,
    list([
      ...report.editions.added.map((e) => `добавлена ${e}`),
      ...report.editions.changed.map((e) => `изменена ${e}`),
      ...report.editions.removed.map((e) => `удалена ${e}`),
    ]),
    '',
    `### Состояние редакций на ${report.date}`,
    list(
      report.states.map((s) => `${s.edition}: ${state(s.before)} → ${state(s.after)}`),
      'не меняется',
    ),
    '',
    `### Находки проверки`,
    list([...report.findings.added.map((f) => `новая: ${f}`), ...report.findings.gone.map((f) => `исправлена: ${f}`)], 'без изменений'),
    '',
    `### Ссылки, требующие пересмотра`,
    list(report.suspect, 'новых нет'),
    '',
    `### Страницы портала`,
    list(
      [
        ...report.pages.added.map((p) => `новая ${p}`),
        ...report.pages.changed.map((p) => `изменится ${p}`),
        ...report.pages.removed.map((p) => `исчезнет ${p}`),
      ],
      'не меняются',
    ),
    '',
  ].join('\n');
}
