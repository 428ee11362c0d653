import type { AstroIntegration } from 'astro';
import type { loadConfig } from '../lib/config.ts';
import { codeSlug } from '../lib/codes.ts';
import { report } from '../validation/reporters/index.ts';
import { runCheck } from '../validation/run.ts';

/**
 * Runs the checker before Astro reads any content: errors stop the build (and `astro dev` shows them)
 * before a single MDX file is evaluated. Also adds `/nd/<код кириллицей>/` redirects to the Latin addresses.
 */
export function ndIntegration(config: ReturnType<typeof loadConfig>): AstroIntegration {
  return {
    name: 'nd-check',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, logger }) => {
        const result = await runCheck(config);
        if (result.messages.length) logger.warn(`\n${report('human', result.messages, { files: result.corpus.files.length })}`);
        if (result.errors > 0 && command === 'build') {
          // A plain Error with a readable message; the build script prints it without a stack.
          throw Object.assign(new Error(`проверка содержимого: ошибок ${result.errors}; сборка остановлена`), { ndCheckFailed: true });
        }
        const redirects: Record<string, string> = {};
        for (const doc of result.corpus.documents) redirects[`/nd/${doc.code}`] = `/nd/${codeSlug(doc.code)}/`;
        updateConfig({ redirects });
        logger.info(`проверка: файлов ${result.corpus.files.length}, документов ${result.corpus.documents.length}, ошибок ${result.errors}, предупреждений ${result.warnings}`);
      },
    },
  };
}
