import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../helpers/build-site.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { distTexts, filesContaining } from '../helpers/dist-scan.ts';

/**
 * A «Коммерческая тайна» document (ПР-901) full of unique markers — title, passport, act, change
 * summary, body, heading, appendix, a role and a term it defines, the title a public document (ПР-900)
 * gives it when citing it — and a trade-secret old edition of the public ПР-900 are built with the
 * default audience and must leave no trace in any file under dist/, Pagefind's gzip index included.
 * The same corpus built for `trade-secret` shows every marker, which proves the scan would have found them.
 */
const MARKERS = [
  'qxzmarktitle',
  'qxzmarkact',
  'qxzmarkchanges',
  'qxzmarkgoal',
  'qxzmarksummary',
  'qxzmarkposition',
  'qxzmarkscope',
  'qxzmarkreftitle',
  'qxzmarkheading',
  'qxzmarkbody',
  'qxzmarkappendixtitle',
  'qxzmarkappendixbody',
  'qxzmarkrolename',
  'qxzmarkroledef',
  'qxzmarkterm',
  'qxzmarktermdef',
  'qxzmarkcitedtitle',
  // ПР-900 is public, but its old edition 0.9 is a trade secret: that edition alone stays off the site.
  'qxzmarkoldtitle',
  'qxzmarkoldact',
  'qxzmarkoldchanges',
  'qxzmarkoldgoal',
  'qxzmarkoldsummary',
  'qxzmarkoldbody',
];

let restricted: BuildResult;
let allowed: BuildResult;
let hidden: Map<string, string>;
let shown: Map<string, string>;

beforeAll(async () => {
  // With the HTML redirect pages of plain static hosting: a hidden document has none of those either.
  restricted = await sharedBuild('restricted', { date: '2026-11-26', args: ['--html-redirects'] });
  allowed = await sharedBuild('restricted', { date: '2026-11-26', audience: 'trade-secret', args: ['--html-redirects'] });
  hidden = restricted.code === 0 ? await distTexts(restricted.outDir) : new Map();
  shown = allowed.code === 0 ? await distTexts(allowed.outDir) : new Map();
});

describe('default audience (internal): the trade-secret document is not published', () => {
  it('builds', () => {
    expect(restricted.code, restricted.stderr).toBe(0);
    expect(hidden.size).toBeGreaterThan(20);
  });

  it('scans the Pagefind index it decompresses', () => {
    const index = [...hidden.keys()].filter((file) => /\.pf_(index|fragment|meta)$/.test(file));
    expect(index.length).toBeGreaterThan(3);
    expect(index.every((file) => hidden.get(file)?.startsWith('pagefind_dcd'))).toBe(true);
  });

  it.each(MARKERS)('no file under dist/ contains %s', (marker) => {
    expect(filesContaining(hidden, marker)).toEqual([]);
  });

  it('no file contains any marker at all, the role forms and ids included', () => {
    expect(filesContaining(hidden, 'qxzmark')).toEqual([]);
  });

  it('has no page, redirect, sitemap, feed, registry or reference-index entry for ПР-901', () => {
    expect([...hidden.keys()].filter((file) => /pr-901|ПР-901/i.test(file))).toEqual([]);
    for (const file of ['sitemap.xml', 'feed.xml', 'registry.json', 'references.json']) {
      expect(hidden.has(file), file).toBe(true);
      expect(hidden.get(file), file).not.toMatch(/pr-901|ПР-901/i);
    }
    expect(hidden.get('sitemap.xml')).toContain('/nd/pr-900/');
  });

  it('publishes ПР-900 without its trade-secret edition 0.9', () => {
    expect(hidden.has('nd/pr-900/index.html')).toBe(true);
    expect(hidden.has('nd/pr-900/1.0/index.html')).toBe(true);
    expect([...hidden.keys()].filter((file) => file.startsWith('nd/pr-900/0.9'))).toEqual([]);
  });

  it('the citing page shows the code and «документ ограниченного доступа» only', () => {
    const page = hidden.get('nd/pr-900/index.html') ?? '';
    expect(page).toContain('ПР-901 — документ ограниченного доступа');
    expect(page).not.toMatch(/href="\/nd\/pr-901\//);
    expect(page).not.toContain('/glossary/#role-qxz');
  });
});

describe('audience trade-secret: the same document is published', () => {
  it('builds', () => {
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it.each(MARKERS)('%s is on the site', (marker) => {
    expect(filesContaining(shown, marker).length).toBeGreaterThan(0);
  });

  it('is found inside the decompressed Pagefind index', () => {
    const inIndex = filesContaining(shown, 'qxzmarkbody').filter((file) => file.startsWith('pagefind/'));
    expect(inIndex.some((file) => file.endsWith('.pf_fragment'))).toBe(true);
    expect(inIndex.some((file) => file.endsWith('.pf_index'))).toBe(true);
  });

  it('has its page, redirect and exports', () => {
    expect(shown.has('nd/pr-901/index.html')).toBe(true);
    expect(shown.has('nd/pr-901/appendices/1/index.html')).toBe(true);
    expect(shown.has('nd/ПР-901/index.html')).toBe(true);
    expect(shown.has('nd/pr-900/0.9/index.html')).toBe(true);
    for (const file of ['sitemap.xml', 'registry.json', 'references.json']) expect(shown.get(file), file).toMatch(/pr-901|ПР-901/i);
  });
});
