// Astro's logger destination for `npm run build` (a logger entrypoint must be JavaScript): warnings and
// errors go to stderr as Astro words them; each generated page is recorded as rendered or reused from
// the incremental cache, one line per page (`R /path` or `C /path`) in the file the build names.
import { appendFileSync, writeFileSync } from 'node:fs';

const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const PAGE = /[├└]─\s+(\S+)/;

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
      if (/\((cached|restored)\)/.test(message)) appendFileSync(file, `C ${pending}\n`);
      else if (/\(\+/.test(message)) appendFileSync(file, `R ${pending}\n`);
      pending = undefined;
    },
  };
}
