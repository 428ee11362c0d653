import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { startServer } from '../../scripts/serve.ts';
import { BUILDS, sharedBuild, type Fixture, type SharedBuildOptions } from '../helpers/shared-build.ts';
import { launchChromium } from './search-page.ts';

/**
 * A fixture (the real content built as `BUILDS.internal` unless named) built once per run (test/helpers/shared-build.ts), served
 * on a free port, with Debian's Chromium to drive it. The files are shared with other test files: read only.
 */
export interface BuiltSite {
  base: string;
  outDir: string;
  browser: Browser;
  close(): Promise<void>;
}

/** With `browser`, the site is driven by that Chromium (and `close()` leaves it open) instead of one of its own. */
export async function openBuiltSite(options: SharedBuildOptions & { fixture?: Fixture; browser?: Browser } = {}): Promise<BuiltSite> {
  const { fixture = 'real', browser: given, ...named } = options;
  const build = fixture === 'real' && Object.keys(named).length === 0 ? BUILDS.internal : named;
  const built = await sharedBuild(fixture, build);
  if (built.code !== 0) throw new Error(`сборка не удалась:\n${built.stdout}\n${built.stderr}`);
  const server: Server = await startServer(built.outDir, 0);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = given ?? (await launchChromium());
  return {
    base,
    outDir: built.outDir,
    browser,
    async close() {
      if (!given) await browser.close();
      server.close();
    },
  };
}

/**
 * One page of every type the site publishes for the internal audience (the real content). Tests that
 * must hold «on every page type» walk this list; the sitemap test checks it against the built files.
 */
export const PAGE_TYPES: Record<string, string> = {
  главная: '/',
  реестр: '/nd/',
  'на дату': '/nd/as-of/',
  документ: '/nd/pt-035/',
  редакция: '/nd/pt-035/1.0/',
  'приложение с широкой таблицей': '/nd/pt-035/appendices/1/',
  приложение: '/nd/pt-035/appendices/2/',
  'приложение с шаблонами': '/nd/pt-035/appendices/3/',
  глоссарий: '/glossary/',
  стандарты: '/standards/',
  стандарт: '/standards/iso-9001-2015/',
  'стандарты качества': '/quality-standards/',
  'стандарт качества': '/quality-standards/customer-service/',
  аудиты: '/audits/',
  'программа аудитов': '/audits/2026/',
  'план аудита': '/audits/plans/2026-03/',
  'отчёт аудита': '/audits/reports/2026-03/',
  мероприятия: '/audits/actions/',
  поиск: '/search/',
  'страница не найдена': '/404.html',
};
