import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/lib/xml.ts';

/** One XML escaper for the sitemap and the feed: markup stays text, and what XML 1.0 cannot carry is dropped. */
describe('escapeXml', () => {
  it('escapes markup characters and drops control characters XML cannot carry', () => {
    expect(escapeXml(`a\u0001b <c> & "d" 'e'\u000b\ufffe`)).toBe('ab &lt;c&gt; &amp; &quot;d&quot; &apos;e&apos;');
    expect(escapeXml('строка\tс\nпереводом')).toBe('строка\tс\nпереводом');
  });
});
