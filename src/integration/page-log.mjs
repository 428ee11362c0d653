// Astro's logger destination for `npm run build` (a logger entrypoint must be JavaScript): warnings and
// errors go to stderr as Astro words them; each generated page is recorded as rendered or reused from
// the incremental cache, one line per page (`R /path` or `C /path`) in the file the build names.
//
// Pages render several at a time (build.concurrency), so the line that ends a rendered page («(+12ms)»)
// cannot be paired with the line that started it. What can: Astro logs a page's start (`├─ file`) when
// it takes it up, and a reused page's «(cached)»/«(restored)» right
// after its start, with nothing in between. So a start followed at once by one of those is reused, and
// any other start is rendered. The build's listener (src/integration/page-events.ts) hears of reused
// pages: a reused page's file is on disk by then.
import { appendFileSync } from 'node:fs';

const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const PAGE = /[├└]─\s+(\S+)/;
/** The key of the build's listener, as src/integration/page-events.ts has it (this file must be JavaScript). */
const PAGE_EVENTS = Symbol.for('nd.page-events');

export default function pageLog(config = {}) {
  // The build removes the file before it starts: Astro may make this destination more than once in a
  // build, and a second one must not empty what the first recorded.
  const { file } = config;
  /** The page whose start was the last message: reused if the next message says so. */
  let pending;
  const record = (kind, page) => {
    if (file) appendFileSync(file, `${kind} ${page}\n`);
  };
  return {
    write(event) {
      const message = String(event.message ?? '').replace(SGR, '');
      const reused = pending !== undefined && /\((cached|restored)\)/.test(message);
      if (pending !== undefined) {
        record(reused ? 'C' : 'R', pending);
        if (reused) globalThis[PAGE_EVENTS]?.reused(pending);
        pending = undefined;
      }
      if (reused) return;
      if (event.level === 'error' || event.level === 'warn') {
        process.stderr.write(`${message}\n`);
        return;
      }
      const page = PAGE.exec(message);
      if (page) pending = page[1];
    },
  };
}
