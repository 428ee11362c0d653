import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium in its headless build (`apt-get install chromium-headless-shell`, from the same
 * source package and version as `chromium`), with nothing that phones home. The same Blink and V8 as
 * the browser, without the browser's windowing layers: it starts in 0.2 s instead of 0.5 s, and the
 * suite's pages cost about a quarter less CPU.
 */
export const CHROMIUM = '/usr/bin/chromium-headless-shell';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
