import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config.ts';
import { projectRoot } from '../helpers/content-root.ts';

/** CI fills variables from others that may be empty (`ND_SITE: $CI_PAGES_URL`): empty is unset, not a value. */
describe('loadConfig and the ND_* variables', () => {
  const fromFile = JSON.parse(readFileSync(path.join(projectRoot, 'nd.config.json'), 'utf8')) as { site: string; contentRoot: string };

  it.each(['', '  '])('ND_SITE=%j falls back to nd.config.json', (value) => {
    expect(loadConfig(projectRoot, { ND_SITE: value }).site).toBe(fromFile.site);
  });

  it('an empty ND_CONTENT_ROOT, ND_AUDIENCE or ND_BUILD_DATE is unset too', () => {
    const config = loadConfig(projectRoot, { ND_CONTENT_ROOT: '', ND_AUDIENCE: '', ND_BUILD_DATE: '' });
    expect(config.contentRootAbs).toBe(path.resolve(projectRoot, fromFile.contentRoot));
    expect(config.buildDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a set ND_SITE still wins', () => {
    expect(loadConfig(projectRoot, { ND_SITE: 'https://nd.example.ru' }).site).toBe('https://nd.example.ru');
  });
});
