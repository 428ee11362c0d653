/**
 * `npm run report -- --base <ref> [--root DIR] [--date YYYY-MM-DD] [--out FILE]`
 * What the change since <ref> does to the portal, as Markdown for a merge-request comment: documents
 * and editions added, changed or removed, editions whose state changes at the build date, findings
 * new and gone, references that became suspect, pages that change. Exit 0, or 2 for bad usage.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandLine, exitWithUsage, UsageError } from '../src/lib/command-line.ts';
import { ConfigError, loadConfig } from '../src/lib/config.ts';
import { fsReason } from '../src/lib/fs-errors.ts';
import { PublicationError } from '../src/publish/publish.ts';
import { mergeRequestReport, ReportError, reportMarkdown } from '../src/report/merge-request.ts';

const USAGE = 'Использование: npm run report -- --base <ревизия> [--root ПАПКА] [--date ГГГГ-ММ-ДД] [--out ФАЙЛ]';

async function main() {
  const { values } = commandLine({ options: { base: { type: 'string' }, root: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } } }, USAGE);
  if (!values.base) throw new ReportError('укажите, с чем сравнивать: --base <ветка, тег или коммит>, например --base origin/main');
  const config = loadConfig(process.cwd(), process.env, { contentRoot: values.root, buildDate: values.date });
  const markdown = reportMarkdown(await mergeRequestReport(config, values.base));
  if (values.out) {
    const out = values.out;
    try {
      writeFileSync(out, markdown);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new ReportError(`--out «${out}»: отчёт не записан — ${missing ? `папки «${path.dirname(out)}» нет` : fsReason(error)}`);
    }
  } else process.stdout.write(markdown);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) exitWithUsage(error, USAGE, 'Отчёт не построен: ');
  const known = error instanceof ReportError || error instanceof ConfigError || error instanceof PublicationError;
  process.stderr.write(`Отчёт не построен: ${known ? (error as Error).message : String((error as Error).message ?? error)}\n${USAGE}\n`);
  process.exit(2);
});
