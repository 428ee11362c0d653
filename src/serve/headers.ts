/**
 * The response headers of the portal, defined once: the build writes them into the nginx part
 * (`_nginx/headers.conf`) and the Node fallback of `npm start` sends the same.
 *
 * The pages carry no inline script, no inline `<style>` and no `style` attribute (the print head is built
 * by a bundled script through CSSOM), so the policy needs neither hashes nor 'unsafe-inline'. Pagefind
 * compiles its WebAssembly: 'wasm-unsafe-eval' is the only exception, and only for scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // The favicon is `data:,` (no request); nothing else is inlined.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
};

/** Hashed file names never change content: cached for a year. Pagefind's chunks are named by their hash too. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and the unhashed entry files (pagefind.js, pagefind-entry.json): asked again each time, 304 when unchanged. */
export const REVALIDATE = 'no-cache';

/** What a path is cached as: `/_astro/…` and Pagefind's hashed chunks immutable, everything else revalidated. */
export function cacheControlFor(pathname: string): string {
  return IMMUTABLE_PATH.test(pathname) ? IMMUTABLE : REVALIDATE;
}

/** The same rule as a regular expression, for nginx's `map` and the Node server. */
export const IMMUTABLE_PATH = /^\/(?:_astro\/|pagefind\/(?:fragment|index|filter)\/|pagefind\/[^/]+\.pf_meta$)/;
