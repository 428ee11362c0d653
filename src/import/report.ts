import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BatchResult, FileResult } from './batch.ts';

const STATUS: Record<FileResult['status'], string> = { imported: 'импортирован', findings: 'с замечаниями', failed: 'не импортирован' };
const md = (s: string) => s.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');

/** The summary table a batch ends with, for the terminal. */
export function summaryTable(result: BatchResult): string {
  const { imported, findings, failed } = result.summary;
  const rows = [
    ['импортировано', imported],
    ['с замечаниями', findings],
    ['не импортировано', failed],
    ['всего', result.files.length],
  ] as const;
  return rows.map(([label, n]) => `${label.padEnd(18)}${String(n).padStart(6)}`).join('\n');
}

function fileSection(r: FileResult): string {
  const lines = [`## ${md(path.basename(r.input))} — ${STATUS[r.status]}`, '', `Файл: \`${r.input}\``];
  if (r.error) return [...lines, '', `**Причина:** ${md(r.error)}`, ''].join('\n');
  lines.push(
    `Формат: ${r.format}; документ ${r.code} «${md(r.title ?? '')}», редакция ${r.version}${r.newEdition ? ' (новая редакция существующего документа)' : ''}.`,
  );
  lines.push('', 'Записано:', ...r.written.map((w) => `- \`${w}\``));
  if (r.legacy?.length) lines.push('', 'Старые адреса (registries/legacy-urls.json):', ...r.legacy.map((a) => `- ${md(a)}`));
  lines.push(
    '',
    '### Перенесённые поля',
    '',
    '| поле | значение | источник |',
    '| --- | --- | --- |',
    ...r.mapped.map((m) => `| ${m.field} | ${md(m.value)} | ${md(m.source)} |`),
  );
  lines.push('', '### Догадки (проверьте)', '');
  lines.push(
    ...(r.guessed.length
      ? [
          '| поле | взято | исходный текст | почему |',
          '| --- | --- | --- | --- |',
          ...r.guessed.map((g) => `| ${g.field} | ${md(g.value)} | ${md(g.original)} | ${md(g.reason)} |`),
        ]
      : ['Нет.']),
  );
  lines.push('', '### Удалено и исправлено', '');
  lines.push(
    ...(r.dropped.length
      ? ['| где | текст | причина |', '| --- | --- | --- |', ...r.dropped.map((d) => `| ${d.where} | ${md(d.text.slice(0, 160))} | ${md(d.reason)} |`)]
      : ['Ничего.']),
  );
  lines.push('', '### Предложения для реестров (реестры не изменены)', '');
  lines.push(
    ...(r.proposals.length
      ? r.proposals.map((p) => `- \`${p.registry}.json\`: ${md(p.note)}\n\n  \`\`\`json\n  ${JSON.stringify(p.entry)}\n  \`\`\``)
      : ['Нет.']),
  );
  if (r.schemaIssues.length) lines.push('', '### Схема', '', ...r.schemaIssues.map((s) => `- ${md(s)}`));
  lines.push('', '### `npm run check` по результату', '');
  lines.push(
    r.check.length
      ? [
          '```',
          ...r.check.map((c) => `${c.file}:${c.line}:${c.column}  ${c.severity === 'error' ? 'ошибка' : 'предупреждение'}  ${c.message}  ${c.ruleId}`),
          '```',
        ].join('\n')
      : 'Замечаний нет.',
  );
  return [...lines, ''].join('\n');
}

export function reportMarkdown(result: BatchResult, meta: { dryRun: boolean; out: string }): string {
  return [
    '# Отчёт об импорте',
    '',
    meta.dryRun ? 'Пробный запуск (--dry-run): файлы не записаны, проверка выполнена на временной копии.' : `Содержимое записано в \`${meta.out}\`.`,
    '',
    '```',
    summaryTable(result),
    '```',
    '',
    ...(result.legacyProblems?.length ? ['## Старые адреса не записаны', '', ...result.legacyProblems.map((p) => `- ${md(p)}`), ''] : []),
    ...result.files.map(fileSection),
  ].join('\n');
}

/** `import-report.md` and its JSON twin, in the given folder. */
export async function writeReports(result: BatchResult, folder: string, meta: { dryRun: boolean; out: string }): Promise<string[]> {
  const mdPath = path.join(folder, 'import-report.md');
  const jsonPath = path.join(folder, 'import-report.json');
  await writeFile(mdPath, reportMarkdown(result, meta));
  const { checkedRoot: _root, ...data } = result;
  await writeFile(jsonPath, `${JSON.stringify({ dryRun: meta.dryRun, out: meta.out, ...data }, null, 2)}\n`);
  return [mdPath, jsonPath];
}
