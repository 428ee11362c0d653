import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VFileMessage } from 'vfile-message';
import { repositoryFileUrl } from '../../lib/repository.ts';
import { RULES } from '../rules/index.ts';

export const FORMATS = ['human', 'json', 'sarif', 'gitlab', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const severity = (m: VFileMessage) => (m.fatal ? 'error' : 'warning');

/** Where the rules are explained; without it SARIF names no help address (a relative one is not a valid URI). */
export interface ReportOptions {
  /** Repository address, branch and file path segment (`blob` on GitHub, `-/blob` on GitLab), as in nd.config.json. */
  repository?: { url: string; branch: string; blobPath: string };
  /** The portal's address, used as the tool's home page when no repository is given. */
  site?: string;
}

/** The authors' guide lists every rule under an anchor `rule-<id with / as ->`. */
export const ruleAnchor = (id: string) => `rule-${id.replace(/[^a-z0-9-]/g, '-')}`;

/** Absolute address of a rule's explanation in the authors' guide of the repository. */
export function ruleHelpUri(id: string, repository: NonNullable<ReportOptions['repository']>): string {
  return repositoryFileUrl(repository, 'CONTRIBUTING.md', ruleAnchor(id));
}

/** SARIF artifact URIs: relative paths percent-encoded, absolute ones as file: URLs. */
const artifactUri = (file: string) => (path.isAbsolute(file) ? pathToFileURL(file).href : encodeURI(file.split(path.sep).join('/')));

/** `path:line:column  error|warning  message  rule-id`, one per line, then totals. */
function human(messages: VFileMessage[], totals: { files: number }): string {
  const lines = messages.map(
    (m) => `${m.file}:${m.line ?? 1}:${m.column ?? 1}  ${severity(m) === 'error' ? 'ошибка' : 'предупреждение'}  ${m.reason}  ${m.ruleId}`,
  );
  const errors = messages.filter((m) => m.fatal).length;
  const warnings = messages.length - errors;
  lines.push(
    messages.length === 0
      ? `✓ проверено файлов: ${totals.files}, ошибок нет`
      : `✗ проверено файлов: ${totals.files}; ошибок: ${errors}, предупреждений: ${warnings}`,
  );
  return lines.join('\n');
}

function json(messages: VFileMessage[]): string {
  return JSON.stringify(
    messages.map((m) => ({ file: m.file, line: m.line ?? 1, column: m.column ?? 1, severity: severity(m), message: m.reason, ruleId: m.ruleId })),
    null,
    2,
  );
}

function sarif(messages: VFileMessage[], options: ReportOptions): string {
  const ruleIds: string[] = RULES.map((rule) => rule.id);
  const { repository } = options;
  const help = (rule: (typeof RULES)[number]) => {
    if (!repository) return {};
    const helpUri = ruleHelpUri(rule.id, repository);
    return { helpUri, help: { text: `${rule.description}. Примеры: ${helpUri}`, markdown: `${rule.description}. [Неверно и верно — примеры](${helpUri})` } };
  };
  const home = repository?.url ?? options.site;
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'nd-check',
              ...(home ? { informationUri: new URL(home).href } : {}),
              version: '0.1.0',
              rules: RULES.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description },
                defaultConfiguration: { level: rule.severity },
                ...help(rule),
              })),
            },
          },
          results: messages.map((m) => ({
            ruleId: m.ruleId,
            ruleIndex: ruleIds.indexOf(m.ruleId ?? ''),
            level: severity(m),
            message: { text: m.reason },
            locations: [
              { physicalLocation: { artifactLocation: { uri: artifactUri(m.file ?? '') }, region: { startLine: m.line ?? 1, startColumn: m.column ?? 1 } } },
            ],
          })),
        },
      ],
    },
    null,
    2,
  );
}

function gitlab(messages: VFileMessage[]): string {
  return JSON.stringify(
    messages.map((m) => ({
      description: m.reason,
      check_name: m.ruleId,
      fingerprint: createHash('sha256').update(`${m.file}:${m.line}:${m.column}:${m.ruleId}:${m.reason}`).digest('hex'),
      severity: m.fatal ? 'major' : 'minor',
      location: { path: m.file, lines: { begin: m.line ?? 1 } },
    })),
    null,
    2,
  );
}

/** GitHub workflow commands; `%`, CR, LF and `,`/`:` in properties are escaped as the runner requires. */
function github(messages: VFileMessage[]): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return messages
    .map((m) => `::${severity(m)} file=${prop(m.file ?? '')},line=${m.line ?? 1},col=${m.column ?? 1},title=${prop(m.ruleId ?? '')}::${data(m.reason)}`)
    .join('\n');
}

export function report(format: Format, messages: VFileMessage[], totals: { files: number }, options: ReportOptions = {}): string {
  switch (format) {
    case 'human':
      return human(messages, totals);
    case 'json':
      return json(messages);
    case 'sarif':
      return sarif(messages, options);
    case 'gitlab':
      return gitlab(messages);
    case 'github':
      return github(messages);
  }
}
