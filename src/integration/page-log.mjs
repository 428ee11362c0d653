// Astro's logger destination for `npm run build` (a logger entrypoint must be JavaScript): warnings and
// errors go to stderr as Astro words them; each generated page is recorded as rendered or reused from
// the incremental cache, one line per page (`R /path` or `C /path`) in the file the build names.
// Each page, once its file is written, is also announced to the build (`PAGE_WRITTEN` on globalThis),
// which hands it to the search index while the next pages render (src/integration/search-index.ts).
import { appendFileSync, writeFileSync } from 'node:fs';

const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const PAGE = /[├└]─\s+(\S+)/;
/** The build's listener for written pages: `(file: string) => void`. */
export const PAGE_WRITTEN = Symbol.for('nd.page-written');

export default function pageLog(config = {}) {
  const { file } = config;
  if (file) writeFileSync(file, '');
  let pending;
  return {
    write(event) {
      const message = String(event.message ?? '').replace(SGR, '');
      if (event.level === 'error' || event.level === 'warn') {
        process.stderr.write(`${message}\n`);
        return;
      }
      const page = PAGE.exec(message);
      if (page) {
        pending = page[1];
        return;
      }
      if (!pending || !file) return;
      const reused = /\((cached|restored)\)/.test(message);
      if (reused || /\(\+/.test(message)) {
        appendFileSync(file, `${reused ? 'C' : 'R'} ${pending}\n`);
        globalThis[PAGE_WRITTEN]?.(pending);
      }
      pending = undefined;
    },
  };
}
