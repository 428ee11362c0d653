import type { AstroIntegration } from 'astro';
import type { loadConfig } from '../lib/config.ts';
import { codeSlug } from '../lib/codes.ts';
import { report } from '../validation/reporters/index.ts';
import { runCheck } from '../validation/run.ts';
import { decidePublication } from '../site/publication.ts';
import { mdxGuardPlugin } from './mdx-guard.ts';

/**
 * Runs the checker before Astro reads any content: errors stop the build (and `astro dev` shows them)
 * before a single MDX file is evaluated; the MDX guard refuses forbidden code in any file Vite compiles,
 * in `astro dev` too. Also adds `/nd/<код кириллицей>/` redirects for the published documents only.
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
        const publication = decidePublication(result, config.audience, config.buildDate);
        if (publication.problem) throw Object.assign(new Error(publication.problem), { ndCheckFailed: true });
        const redirects: Record<string, string> = {};
        for (const code of publication.published) redirects[`/nd/${code}`] = `/nd/${codeSlug(code)}/`;
        updateConfig({ redirects, vite: { plugins: [mdxGuardPlugin()] } });
        logger.info(`проверка: файлов ${result.corpus.files.length}, документов ${result.corpus.documents.length}, ошибок ${result.errors}, предупреждений ${result.warnings}`);
      },
    },
  };
}
