import { createHash } from 'node:crypto';
import type { VFileMessage } from 'vfile-message';
import { RULES } from '../rules/index.ts';

export const FORMATS = ['human', 'json', 'sarif', 'gitlab', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const severity = (m: VFileMessage) => (m.fatal ? 'error' : 'warning');

/** `path:line:column  error|warning  message  rule-id`, one per line, then totals. */
function human(messages: VFileMessage[], totals: { files: number }): string {
  const lines = messages.map((m) => `${m.file}:${m.line ?? 1}:${m.column ?? 1}  ${severity(m) === 'error' ? 'ошибка' : 'предупреждение'}  ${m.reason}  ${m.ruleId}`);
  const errors = messages.filter((m) => m.fatal).length;
  const warnings = messages.length - errors;
  lines.push(messages.length === 0
    ? `✓ проверено файлов: ${totals.files}, ошибок нет`
    : `✗ проверено файлов: ${totals.files}; ошибок: ${errors}, предупреждений: ${warnings}`);
  return lines.join('\n');
}

function json(messages: VFileMessage[]): string {
  return JSON.stringify(messages.map((m) => ({ file: m.file, line: m.line ?? 1, column: m.column ?? 1, severity: severity(m), message: m.reason, ruleId: m.ruleId })), null, 2);
}

const INFORMATION_URI = 'https://git.example.ru/quality/normative-documents';
/** SARIF requires absolute URIs; a rule's README anchor is resolved against the repository. */
const absolute = (url: string) => new URL(url, `${INFORMATION_URI}/-/blob/main/`).href;

function sarif(messages: VFileMessage[]): string {
  const ruleIds: string[] = RULES.map((rule) => rule.id);
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'nd-check', informationUri: INFORMATION_URI, version: '0.1.0',
        rules: RULES.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description }, defaultConfiguration: { level: rule.severity }, helpUri: absolute(rule.url) })),
      } },
      results: messages.map((m) => ({
        ruleId: m.ruleId,
        ruleIndex: ruleIds.indexOf(m.ruleId ?? ''),
        level: severity(m),
        message: { text: m.reason },
        locations: [{ physicalLocation: { artifactLocation: { uri: m.file ?? '' }, region: { startLine: m.line ?? 1, startColumn: m.column ?? 1 } } }],
      })),
    }],
  }, null, 2);
}

function gitlab(messages: VFileMessage[]): string {
  return JSON.stringify(messages.map((m) => ({
    description: m.reason,
    check_name: m.ruleId,
    fingerprint: createHash('sha256').update(`${m.file}:${m.line}:${m.column}:${m.ruleId}:${m.reason}`).digest('hex'),
    severity: m.fatal ? 'major' : 'minor',
    location: { path: m.file, lines: { begin: m.line ?? 1 } },
  })), null, 2);
}

/** GitHub workflow commands; `%`, CR, LF and `,`/`:` in properties are escaped as the runner requires. */
function github(messages: VFileMessage[]): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return messages
    .map((m) => `::${severity(m)} file=${prop(m.file ?? '')},line=${m.line ?? 1},col=${m.column ?? 1},title=${prop(m.ruleId ?? '')}::${data(m.reason)}`)
    .join('\n');
}

export function report(format: Format, messages: VFileMessage[], totals: { files: number }): string {
  switch (format) {
    case 'human': return human(messages, totals);
    case 'json': return json(messages);
    case 'sarif': return sarif(messages);
    case 'gitlab': return gitlab(messages);
    case 'github': return github(messages);
  }
}
