import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ndIntegration } from '../../src/integration/index.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { contentRoot, projectRoot } from '../helpers/content-root.ts';

/**
 * `astro dev` after a save that breaks a reference: the terminal gets the report at error level, the
 * page gets Astro's error overlay, and nothing refreshes the content layer — a refresh reloads the
 * page, and the reload would take the overlay away a moment after it appeared.
 */
it('a saved error is logged as an error and shown in the overlay without a reload', async () => {
  const root = await contentRoot();
  const config = loadConfig(projectRoot, { ND_CONTENT_ROOT: root, ND_BUILD_DATE: '2026-11-26', ND_CACHE_DIR: path.join(root, '.cache') });
  const logs: Array<[string, string]> = [];
  const logger = { error: (m: string) => logs.push(['error', m]), warn: (m: string) => logs.push(['warn', m]), info: (m: string) => logs.push(['info', m]) };
  const sent: Array<{ type: string }> = [];
  let refreshed = 0;
  let onChange: ((event: string, file: string) => void) | undefined;
  const server = {
    watcher: { add: () => {}, on: (_event: string, handler: typeof onChange) => (onChange = handler) },
    middlewares: { use: () => {} },
    hot: { send: (message: { type: string }) => sent.push(message) },
  };
  const setup = ndIntegration({ config }).hooks['astro:server:setup'] as unknown as (options: object) => void;
  setup({ server, logger, refreshContent: async () => void refreshed++ });

  const edition = path.join(root, 'documents/pt-035/editions/1.0.mdx');
  await writeFile(edition, 'Порядок по ПТ-036.\n', { flag: 'a' });
  onChange?.('change', edition);
  for (let i = 0; i < 300 && sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));

  expect(sent.map((m) => m.type)).toEqual(['error']);
  expect(refreshed).toBe(0);
  expect(logs.map(([level]) => level)).toEqual(['error']);
  expect(logs[0]?.[1]).toContain('ref/unknown-code');
}, 60_000);
